using Microsoft.Extensions.Options;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// A careless setting must not switch the expression sandbox's brakes off: Jint reads a zero time limit as "no limit", so a
/// regular expression that backtracks, or a loop, would hold a node's thread. Such a setting stops the start and names itself.
/// </summary>
public sealed class ExpressionLimitSettingTests
{
    [Theory]
    [InlineData("Expressions:RegexTimeout", "00:00:00")]
    [InlineData("Expressions:Timeout", "-00:00:01")]
    [InlineData("Expressions:MaxStatements", "0")]
    public async Task AZeroOrNegativeLimit_StopsTheStart_NamingTheSettings(string setting, string value)
    {
        await using var host = new HostFactory { Settings = new Dictionary<string, string> { [setting] = value } };

        var refused = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Expressions: every limit (Timeout, RegexTimeout, MemoryLimitBytes, MaxStatements, MaxRecursionDepth) must be larger than zero.",
            refused.Message);
    }
}
