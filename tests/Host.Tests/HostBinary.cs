using System.Diagnostics;

namespace ProcessEngine.Host.Tests;

/// <summary>
/// The host as an operator starts it: its own process, from the binary beside the tests, with its settings in the
/// environment. For starts that must refuse (a refusal is what an operator reads on standard error and in the exit code,
/// which a test host cannot show); one that starts instead fails the test after a minute.
/// </summary>
internal static class HostBinary
{
    public sealed record Exited(int Code, string[] Errors, string[] Output)
    {
        /// <summary>The one line a refusal writes to standard error; anything else fails the test.</summary>
        public string Line => Errors.Length == 1 ? Errors[0]
            : throw new Xunit.Sdk.XunitException($"expected one line on standard error, got {Errors.Length}:\n{string.Join("\n", Errors)}");
    }

    public static async Task<Exited> RunUntilExitAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ProcessEngine.Host.dll"), .. args])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the host started instead of refusing:\n" + await output);
        }
        return new Exited(process.ExitCode, Lines(await errors), Lines(await output));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
