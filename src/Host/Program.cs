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
    app.MapProcessEngine();
    // Settings checked at start (ValidateOnStart) throw from here, before the host listens.
    await app.RunAsync();
    return 0;
}
catch (Exception refused) when (refused is StartRefusedException or Microsoft.Extensions.Options.OptionsValidationException)
{
    // What an operator can fix: one line that says what and how, no stack trace.
    await Console.Error.WriteLineAsync(refused.Message);
    return StartRefusedException.ExitCode;
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
