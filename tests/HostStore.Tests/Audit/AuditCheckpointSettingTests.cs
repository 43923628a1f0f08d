using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.HostStore.Tests.Audit;

/// <summary>
/// A syslog endpoint that cannot work stops the start and names the setting, rather than leaving the log without the
/// checkpoints an operator thinks are being sent.
/// </summary>
public sealed class AuditCheckpointSettingTests
{
    [Theory]
    [InlineData("http://logs.example.nl:514", "the scheme http is neither udp nor tcp")]
    [InlineData("udp://logs.example.nl", "it names no port")]
    [InlineData("tcp://logs.example.nl:601/audit", "syslog takes only a host and a port, no user, path or query")]
    [InlineData("logs.example.nl", "it is not a URI")]
    public void ABadSyslogEndpoint_StopsTheStart_NamingTheSetting(string value, string reason)
    {
        using var services = Services(o => o.Checkpoints.Syslog = value);

        // What the host runs at start (ValidateOnStart).
        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"Audit:Checkpoints:Syslog '{value}' is not a syslog endpoint: {reason}", refused.Message);
        Assert.Contains("Write udp://host:514 or tcp://host:601.", refused.Message);
    }

    [Fact]
    public void AZeroInterval_StopsTheStart_WhenCheckpointsAreOn()
    {
        using var services = Services(o => (o.Checkpoints.Syslog, o.Checkpoints.Interval) = ("udp://127.0.0.1:514", TimeSpan.Zero));

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Audit:Checkpoints:Interval is 00:00:00; it must be larger than zero.", refused.Message);
    }

    [Theory]
    [InlineData("udp://logs.example.nl:514", SyslogTransport.Udp, "logs.example.nl", 514, "udp://logs.example.nl:514")]
    [InlineData("TCP://10.0.0.5:601/", SyslogTransport.Tcp, "10.0.0.5", 601, "tcp://10.0.0.5:601")]
    [InlineData("tcp://[::1]:6514", SyslogTransport.Tcp, "::1", 6514, "tcp://[::1]:6514")]
    public void AGoodSyslogEndpoint_IsRead(string value, SyslogTransport transport, string host, int port, string shown)
    {
        using var services = Services(o => o.Checkpoints.Syslog = value);
        services.GetRequiredService<IStartupValidator>().Validate();

        var endpoint = services.GetRequiredService<AuditCheckpointSyslog>().Endpoint;

        Assert.Equal(new SyslogEndpoint(transport, host, port), endpoint);
        Assert.Equal(shown, endpoint!.ToString());
    }

    private static ServiceProvider Services(Action<AuditOptions> configure) => new ServiceCollection()
        .AddSingleton(TimeProvider.System)
        .AddHostStore(DatabaseConnection.Sqlite("Data Source=unused.db"))
        .Configure(configure)
        .BuildServiceProvider();
}
