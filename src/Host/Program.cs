using ProcessEngine.Host.Commands;
using ProcessEngine.Host.Extensions;

// Commands that do not start the web host: `validate <file-or-folder>...` and `schema`.
if (args.Length > 0 && HostCommands.TryRun(args, Console.Out) is { } exitCode) return await exitCode;

// Settings live beside the binary; the working directory is where data/ goes.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddProcessEngine();

var app = builder.Build();
try
{
    await app.PrepareDatabaseAsync();
}
catch (StartRefusedException refused)
{
    // What an operator can fix: one line that says what and how, no stack trace.
    await Console.Error.WriteLineAsync(refused.Message);
    return StartRefusedException.ExitCode;
}
app.MapProcessEngine();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
