using ProcessEngine.Host.Commands;
using ProcessEngine.Host.Extensions;

// Commands that do not start the web host (validate, schema, audit, backup, restore, account, doctor, ...).
if (args.Length > 0 && HostCommands.TryRun(args, Console.Out) is { } exitCode) return await SettingRefusal.RefusingAsync(() => exitCode);

// Settings live beside the binary; the working directory is where data/ goes.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddProcessEngine();

var app = builder.Build();
// A refused setting (options validation, when a setting is first read or as the host starts) is one line, as is a refused
// start; a test host (WebApplicationFactory runs this too) gets the exception itself.
return SettingRefusal.UnderTestServer(app) ? await StartAsync() : await SettingRefusal.RefusingAsync(StartAsync);

async Task<int> StartAsync()
{
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
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
