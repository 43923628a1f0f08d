using Microsoft.Extensions.Options;
using ProcessEngine.Host.Prompts;

namespace ProcessEngine.Host.Tests.Prompts;

public sealed class PromptOptionsTests
{
    [Fact]
    public async Task Start_StopsWithTheKeyNamed_WhenAPromptSettingIsWrong()
    {
        await using var host = new PromptHost(("Prompts:ReminderBefore", "morgen"), ("Prompts:BaseUrl", "taken"));

        var refused = Assert.Throws<OptionsValidationException>(() => host.Services);

        Assert.Contains(refused.Failures, f => f.StartsWith("Prompts:ReminderBefore: 'morgen' is not a duration", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.StartsWith("Prompts:BaseUrl 'taken'", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_AreOneWerkdagEitherSideOfTheDueMoment_ToTheChairs()
    {
        var defaults = new PromptOptions();

        Assert.Empty(defaults.Problems());
        Assert.Equal(("1 werkdag", "1 werkdag", "RvtChair"), (defaults.Reminder?.ToString(), defaults.Escalation?.ToString(), defaults.EscalationGroup));
        Assert.False(defaults.Smtp.IsConfigured);
    }
}
