using Microsoft.Extensions.Options;

namespace ProcessEngine.Host.Extensions;

/// <summary>
/// A setting the options validation refuses (an expression limit of zero, a syslog address that is none, a proxy that is
/// no address): the operator gets the validation's own messages, which name the setting, as one line, and the start's
/// refusal exit code — not a stack trace whose first line they would have to find.
/// </summary>
public static class SettingRefusal
{
    /// <summary>
    /// Whether <paramref name="app"/> is served by a test server: WebApplicationFactory runs this entry point too, through
    /// to its start, and waits for the exception itself, so there a refused setting must stay an exception.
    /// </summary>
    public static bool UnderTestServer(WebApplication app) =>
        app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().GetType().FullName == "Microsoft.AspNetCore.TestHost.TestServer";

    /// <summary>The refused settings' messages as one line, or null when <paramref name="error"/> is not a refused setting.</summary>
    public static string? Explain(Exception error)
    {
        var failures = Failures(error).ToList();
        return failures.Count == 0 ? null : "ProcessEngine does not start: " + string.Join(" ", failures.Distinct(StringComparer.Ordinal));
    }

    /// <summary>Runs <paramref name="run"/>; a refused setting is written to standard error as one line and ends in exit code 3.</summary>
    public static async Task<int> RefusingAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception error) when (Explain(error) is { } line)
        {
            await Console.Error.WriteLineAsync(line);
            return StartRefusedException.ExitCode;
        }
    }

    private static IEnumerable<string> Failures(Exception error) => error switch
    {
        OptionsValidationException invalid => invalid.Failures.Select(f => f.TrimEnd().TrimEnd('.') + "."),
        // ValidateOnStart gathers every refused options class into one AggregateException.
        AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException) => many.InnerExceptions.SelectMany(Failures),
        _ => [],
    };
}
