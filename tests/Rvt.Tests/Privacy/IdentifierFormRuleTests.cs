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

    [Fact]
    public async Task Complete_RefusesADateMoreThanTwoYearsBack_UnlessTheFieldAsksForABirthDate()
    {
        // The fixture's clock: Friday 18 December 2026, so two years back is 18 December 2024.
        await using var fixture = new ActivityFixture(r => r.AddRvtActivities());
        var started = await fixture.RunSingleAsync("HumanTask", """
            { "title": "Beschikking", "resultVariable": "beschikking", "form": [
                { "name": "beschikkingsdatum", "label": "Datum van de beschikking", "type": "date" },
                { "name": "evaluatiedatum", "label": "Evaluatiedatum", "type": "date" },
                { "name": "kind", "label": "Geboortedatum van het kind", "type": "date" } ] }
            """);
        var task = Assert.Single(await fixture.Store.FindOpenTasksAsync(new(CorrelationId: null)), t => t.InstanceId == started.InstanceId);

        var refused = await fixture.Runtime.CompleteTaskAsync(task.Id, "Afgerond",
            new Dictionary<string, object?> { ["beschikkingsdatum"] = "2014-03-12", ["evaluatiedatum"] = "2024-12-17", ["kind"] = "2014-03-12" }, "prof1");

        Assert.Equal(ResumeOutcome.Rejected, refused.Outcome);
        // A field that asks for a birth date by its label may have one; the other two may not go that far back.
        Assert.Equal(["beschikkingsdatum", "evaluatiedatum"], refused.FieldErrors!.Keys.Order());
        Assert.All(refused.FieldErrors!.Values, message => Assert.Equal(ProcessEngine.Rvt.Forms.IdentifierFormRule.OldDateMessage, message));
        Assert.DoesNotContain("2014", string.Join(" ", refused.FieldErrors!.Values) + refused.Message);
        Assert.False((await fixture.Store.FindInstanceAsync(started.InstanceId))!.Variables.ContainsKey("beschikking"));

        // Exactly two years back, last month's beschikking and a date ahead all pass.
        var accepted = await fixture.Runtime.CompleteTaskAsync(task.Id, "Afgerond",
            new Dictionary<string, object?> { ["beschikkingsdatum"] = "2024-12-18", ["evaluatiedatum"] = "2027-03-18", ["kind"] = "2014-03-12" }, "prof1");
        Assert.Equal(ResumeOutcome.Resumed, accepted.Outcome);
    }
}
