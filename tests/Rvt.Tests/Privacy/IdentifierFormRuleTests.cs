using ProcessEngine.Rvt;
using ProcessEngine.Tests.Shared;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Tests.Privacy;

/// <summary>Every free-text and number answer of every task goes through the identifier guard before the flow stores it.</summary>
public sealed class IdentifierFormRuleTests
{
    [Fact]
    public async Task Complete_RefusesABsnInAnyTextOrNumberField_NamingTheField_AndStoresNothing()
    {
        await using var fixture = new ActivityFixture(r => r.AddRvtActivities());
        var started = await fixture.RunSingleAsync("HumanTask", """
            { "title": "Verslag", "resultVariable": "verslag", "form": [
                { "name": "samenvatting", "label": "Samenvatting", "type": "multiline" },
                { "name": "aantal", "label": "Aantal", "type": "number" } ] }
            """);
        var task = Assert.Single(await fixture.Store.FindOpenTasksAsync(new(CorrelationId: null)), t => t.InstanceId == started.InstanceId);

        var refused = await fixture.Runtime.CompleteTaskAsync(task.Id, "Afgerond",
            new Dictionary<string, object?> { ["samenvatting"] = "Gesproken met moeder (BSN 111222333) over de afspraken", ["aantal"] = 111222333 }, "prof1");

        Assert.Equal(ResumeOutcome.Rejected, refused.Outcome);
        // A BSN typed in a number field is as much a BSN as one in a sentence.
        Assert.Equal(["aantal", "samenvatting"], refused.FieldErrors!.Keys.Order());
        Assert.All(refused.FieldErrors!.Values, message => Assert.Contains("BSN", message));
        Assert.DoesNotContain("111222333", string.Join(" ", refused.FieldErrors!.Values) + refused.Message);
        Assert.Equal(UserTaskStatus.Open, (await fixture.Store.FindTaskAsync(task.Id))!.Status);
        Assert.False((await fixture.Store.FindInstanceAsync(started.InstanceId))!.Variables.ContainsKey("verslag"));

        var accepted = await fixture.Runtime.CompleteTaskAsync(task.Id, "Afgerond",
            new Dictionary<string, object?> { ["samenvatting"] = "Gesproken met moeder over de afspraken", ["aantal"] = 123456789 }, "prof1");
        Assert.Equal(ResumeOutcome.Resumed, accepted.Outcome);
    }
}
