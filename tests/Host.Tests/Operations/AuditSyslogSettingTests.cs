using Microsoft.Extensions.Options;

namespace ProcessEngine.Host.Tests.Operations;

/// <summary>
/// The host reads Audit:Checkpoints:Syslog from its configuration and refuses to start on an endpoint that is no
/// syslog address, naming the setting, rather than run without the checkpoints the operator thinks are sent.
/// </summary>
public sealed class AuditSyslogSettingTests
{
    [Fact]
    public async Task AnHttpAddress_StopsTheStart_NamingTheSetting()
    {
        await using var host = new HostFactory { Settings = new Dictionary<string, string> { ["Audit:Checkpoints:Syslog"] = "http://logs.example.nl:514" } };

        var refused = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Audit:Checkpoints:Syslog 'http://logs.example.nl:514' is not a syslog endpoint", refused.Message);
    }
}
