using ProcessEngine.Host.Extensions;

namespace ProcessEngine.Host.Tests.Operations;

/// <summary>
/// A setting the options validation refuses, as an operator meets it: the host (or one of its commands) started as a
/// process of its own writes one line to standard error naming the setting, and exits with the refusal's code; no
/// stack trace on either stream.
/// </summary>
public sealed class SettingRefusalProcessTests
{
    [Fact]
    public async Task TheHost_WithAnExpressionLimitOfZero_RefusesInOneLineNamingIt()
    {
        var (exit, errors, output) = await RunAsync("--Expressions:MaxStatements=0", "--Urls=http://127.0.0.1:0");

        Assert.Equal(StartRefusedException.ExitCode, exit);
        var line = Assert.Single(errors);
        Assert.Equal("ProcessEngine does not start: Expressions: every limit (Timeout, RegexTimeout, MemoryLimitBytes, MaxStatements, " +
            "MaxRecursionDepth) must be larger than zero.", line);
        Assert.DoesNotContain(output, l => l.StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAuditVerifyCommand_WithASyslogAddressWithoutPort_RefusesInOneLineNamingIt()
    {
        var (exit, errors, output) = await RunAsync("audit", "verify", "--Audit:Checkpoints:Syslog=udp://logs.example.nl");

        Assert.Equal(StartRefusedException.ExitCode, exit);
        var line = Assert.Single(errors);
        Assert.Equal("ProcessEngine does not start: Audit:Checkpoints:Syslog 'udp://logs.example.nl' is not a syslog endpoint: it names no port. " +
            "Write udp://host:514 or tcp://host:601.", line);
        Assert.DoesNotContain(output, l => l.StartsWith("at ", StringComparison.Ordinal));
    }

    /// <summary>The host's own binary in a fresh working directory (its data/ goes there); exit code and both streams, line by line.</summary>
    private static async Task<(int Exit, string[] Errors, string[] Output)> RunAsync(params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("processengine-refusal-");
        try
        {
            var exited = await HostBinary.RunUntilExitAsync(args, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" }, folder.FullName);
            return (exited.Code, exited.Errors, exited.Output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
