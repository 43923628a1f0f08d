using ProcessEngine.Workflows.Forms;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Runtime;

/// <summary>A completed task form is typed by its field definitions and checked by the rules before anything changes.</summary>
public sealed class TaskFormTests
{
    private const string FormFlow = """
    {
      "id": "form-flow", "name": "Formulier",
      "activities": [
        { "id": "vragen", "type": "HumanTask", "inputs": { "title": "Vragen", "candidateGroup": "Professional", "resultVariable": "antwoorden",
            "outcomes": ["Klaar"], "formRule": "even-aantal",
            "form": [
              { "name": "notitie", "label": "Notitie", "type": "text" },
              { "name": "aantal", "label": "Aantal", "type": "number", "required": true },
              { "name": "datum", "label": "Datum", "type": "date" },
              { "name": "akkoord", "label": "Akkoord", "type": "boolean", "required": true },
              { "name": "route", "label": "Route", "type": "choice", "options": ["netwerkberaad", "duo"] },
              { "name": "punten", "label": "Punten", "type": "checklist", "options": ["netwerk", "afspraken"] }
            ] } },
        { "id": "einde", "type": "End" }
      ],
      "connections": [ { "source": "vragen", "outcome": "Klaar", "target": "einde" } ]
    }
    """;

    /// <summary>A named rule as a host would ship it: here, the number must be even.</summary>
    private sealed class EvenAantal : ITaskFormRule
    {
        public string? Name => "even-aantal";
        public string Description => "Het aantal is even.";
        public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
        {
            if (submission.Values.GetValueOrDefault("aantal") is long n && n % 2 != 0) errors["aantal"] = "Moet even zijn.";
        }
    }

    private static Task<TestEngine> StartAsync() => TestEngine.StartAsync(moreActivities: r => r.AddFormRule(new EvenAantal()));

    [Fact]
    public async Task Complete_TypesEveryValueByItsField_WhatEverShapeTheClientSent()
    {
        await using var engine = await StartAsync();
        await engine.PublishAsync(FormFlow);
        var started = await engine.Runtime.StartAsync("form-flow", correlationId: "F-1");
        var task = await engine.SingleOpenTaskAsync("F-1");

        var result = await engine.Runtime.CompleteTaskAsync(task.Id, "Klaar", new Dictionary<string, object?>
        {
            ["notitie"] = "  met spaties  ", ["aantal"] = "4", ["datum"] = new DateOnly(2026, 5, 1), ["akkoord"] = "true",
            ["route"] = "duo", ["punten"] = new List<object?> { "netwerk", "netwerk", "afspraken" },
        }, "prof1");

        Assert.Equal(ResumeOutcome.Resumed, result.Outcome);
        var saved = Assert.IsType<Dictionary<string, object?>>((await engine.Store.FindInstanceAsync(started.InstanceId))!.Variables["antwoorden"]);
        Assert.Equal("met spaties", saved["notitie"]);
        Assert.Equal(4L, saved["aantal"]);
        Assert.Equal("2026-05-01", saved["datum"]);
        Assert.Equal(true, saved["akkoord"]);
        Assert.Equal("duo", saved["route"]);
        Assert.Equal(["netwerk", "afspraken"], Assert.IsType<List<object?>>(saved["punten"]));
    }

    [Fact]
    public async Task Complete_RefusesEachBadFieldByName_AndChangesNothing()
    {
        await using var engine = await StartAsync();
        await engine.PublishAsync(FormFlow);
        await engine.Runtime.StartAsync("form-flow", correlationId: "F-2");
        var task = await engine.SingleOpenTaskAsync("F-2");

        var result = await engine.Runtime.CompleteTaskAsync(task.Id, "Klaar", new Dictionary<string, object?>
        {
            ["notitie"] = new string('x', TaskFormCheck.MaxTextLength + 1), ["aantal"] = "vier", ["datum"] = "1 mei",
            ["route"] = "rechter", ["punten"] = new List<object?> { "iets anders" }, ["extra"] = "?",
        }, "prof1");

        Assert.Equal(ResumeOutcome.Rejected, result.Outcome);
        var errors = result.FieldErrors!;
        Assert.Equal(["aantal", "akkoord", "datum", "extra", "notitie", "punten", "route"], errors.Keys.Order());
        Assert.Contains("getal", errors["aantal"]);
        Assert.Equal("Vul dit veld in.", errors["akkoord"]);
        Assert.Contains("jjjj-mm-dd", errors["datum"]);
        Assert.Contains("netwerkberaad, duo", errors["route"]);
        var unchanged = await engine.Store.FindTaskAsync(task.Id);
        Assert.Equal((UserTaskStatus.Open, task.Version), (unchanged!.Status, unchanged.Version));
    }

    [Fact]
    public async Task Complete_AppliesTheNamedRuleOfTheFlow_AfterTheValuesAreTyped()
    {
        await using var engine = await StartAsync();
        await engine.PublishAsync(FormFlow);
        await engine.Runtime.StartAsync("form-flow", correlationId: "F-3");
        var task = await engine.SingleOpenTaskAsync("F-3");

        var odd = await engine.Runtime.CompleteTaskAsync(task.Id, "Klaar", new Dictionary<string, object?> { ["aantal"] = 3, ["akkoord"] = false }, "prof1");
        var even = await engine.Runtime.CompleteTaskAsync(task.Id, "Klaar", new Dictionary<string, object?> { ["aantal"] = "4", ["akkoord"] = false }, "prof1");

        Assert.Equal(("Moet even zijn.", ResumeOutcome.Resumed), (odd.FieldErrors!["aantal"], even.Outcome));
    }

    [Fact]
    public async Task Publish_RefusesAFlowNamingAnUnknownRule_OrABrokenFormField_WithTheirJsonPath()
    {
        await using var engine = await TestEngine.StartAsync();

        var unknownRule = await engine.Definitions.ImportAsync(FormFlow);
        var badField = await engine.Definitions.ImportAsync(FormFlow.Replace("\"formRule\": \"even-aantal\",", "")
            .Replace("\"type\": \"choice\", \"options\": [\"netwerkberaad\", \"duo\"]", "\"type\": \"choice\""));

        var ruleError = Assert.Single(unknownRule.Errors);
        Assert.Equal("$.activities[0].inputs.formRule", ruleError.Path);
        Assert.Contains("'even-aantal' is not known", ruleError.Message);
        var fieldError = Assert.Single(badField.Errors);
        Assert.Equal("$.activities[0].inputs.form", fieldError.Path);
        Assert.Contains("'route' is a choice and needs \"options\"", fieldError.Message);
    }
}
