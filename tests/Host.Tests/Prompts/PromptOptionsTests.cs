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
    public void Defaults_RemindAWerkdagBefore_NameItToColleaguesAWerkdagAfter_AndToTheChairsThreeAfter()
    {
        var defaults = new PromptOptions();

        Assert.Empty(defaults.Problems());
        Assert.Equal(("1 werkdag", "1 werkdag", "3 werkdagen", "RvtChair"),
            (defaults.Reminder?.ToString(), defaults.Escalation?.ToString(), defaults.EscalationToChair?.ToString(), defaults.EscalationGroup));
        Assert.False(defaults.Smtp.IsConfigured);
    }

    [Fact]
    public void TheChair_CannotHearBeforeTheColleagues()
    {
        var options = new PromptOptions { EscalateAfter = "3 werkdagen", EscalateToChairAfter = "1 werkdag" };

        Assert.Equal(["Prompts:EscalateToChairAfter ('1 werkdag') must be longer than Prompts:EscalateAfter ('3 werkdagen'): "
            + "the chair hears as the last step, after the duo partner or colleagues."], options.Problems());
        Assert.Empty(new PromptOptions { EscalateToChairAfter = "" }.Problems());
    }
}
