using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Host.Tests.Scenarios;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// Facts outlive the casus (retention keeps the counts), so a flow must not be able to smuggle content into one: only the
/// facts the RVT declares, with their declared dimensions and values, are stored. A coordinator's flow that tries otherwise
/// is refused when saved, or fails its step without storing anything, and the message never repeats the value.
/// </summary>
public sealed class FactDeclarationAttackTests
{
    private const string Secret = "Moeder Jansen, Dorpsstraat 12";

    private static string CountingFlow(string id, string fact, string dimensions) => $$"""
    { "id": "{{id}}", "name": "Telling die meer wil weten",
      "activities": [
        { "id": "telling", "type": "RecordFact", "inputs": { "fact": "{{fact}}", "dimensions": { "expression": "{{dimensions}}" } } },
        { "id": "einde", "type": "End" } ],
      "connections": [ { "source": "telling", "target": "einde" } ] }
    """;

    [Fact]
    public async Task AFlowCountingAnUndeclaredFact_IsRefusedWhenSaved_NamingTheJsonPath()
    {
        await using var engine = ScenarioEngine.Start();

        var imported = await engine.Services.GetRequiredService<WorkflowDefinitionService>()
            .ImportAsync(CountingFlow("telling-eigen", "hulpvragen", "({ huishouden: 'onbekend' })"));

        Assert.False(imported.Succeeded);
        Assert.Contains(imported.Errors, e => e.Path == "$.activities[0].inputs.fact" && e.Message.Contains("'hulpvragen' is not declared", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("({ huishouden: input.vrij })", "is not one of its declared values")] // a declared dimension carrying free text
    [InlineData("({ huishouden: 'onbekend', notitie: input.vrij })", "dimension 'notitie' is not declared")]
    [InlineData("({ uitkomst: input.vrij })", "takes only a task's own outcome")] // a task's dimension, filled by an expression
    public async Task AFlowSmugglingContentIntoADeclaredFact_FailsItsStep_StoresNothing_AndNeverRepeatsTheValue(string dimensions, string problem)
    {
        await using var engine = ScenarioEngine.Start();
        var fact = dimensions.Contains("uitkomst", StringComparison.Ordinal) ? "beslismoment" : "aanmelding";
        Assert.True((await engine.Services.GetRequiredService<WorkflowDefinitionService>()
            .ImportAsync(CountingFlow("telling-smokkel", fact, dimensions))).Succeeded);
        var before = await engine.Store.CountFactsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        var started = await engine.Runtime.StartAsync("telling-smokkel", new Dictionary<string, object?> { ["vrij"] = Secret }, "SMOKKEL-1");

        Assert.Equal(WorkflowStatus.Faulted, started.Status);
        var incident = Assert.Single(await engine.Store.GetOpenIncidentsAsync(started.InstanceId));
        Assert.Contains(problem, incident.Message);
        Assert.DoesNotContain("Jansen", incident.Message);
        Assert.Equal(before.Sum(c => c.Count), (await engine.Store.CountFactsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Sum(c => c.Count));
    }

    [Fact]
    public async Task ATasksCount_KeepsOnlyDeclaredDimensions_AndCountsAnUndeclaredAnswerAsOverig_WithoutFailingTheTask()
    {
        await using var engine = ScenarioEngine.Start();
        const string flow = """
        { "id": "beslis-eigen", "name": "Beslismoment met een eigen keuzeveld",
          "activities": [
            { "id": "besluit", "type": "HumanTask", "inputs": { "title": "Besluit", "assignee": "prof1", "outcomes": ["Verder"], "countAs": "beslismoment",
              "form": [ { "name": "gezinEens", "label": "Eens?", "type": "choice", "options": ["ja", "misschien"] },
                        { "name": "wijk", "label": "Wijk", "type": "choice", "options": ["Noord", "Zuid"] } ] } },
            { "id": "einde", "type": "End" } ],
          "connections": [ { "source": "besluit", "outcome": "Verder", "target": "einde" } ] }
        """;
        Assert.True((await engine.Services.GetRequiredService<WorkflowDefinitionService>().ImportAsync(flow)).Succeeded);
        await engine.Runtime.StartAsync("beslis-eigen", new Dictionary<string, object?>(), "BESLIS-1");

        await engine.CompleteAsync("BESLIS-1", "Besluit", "Verder", Traject.Form(("gezinEens", "misschien"), ("wijk", "Noord")));

        var byAnswer = await engine.Store.CountFactsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, "gezinEens");
        Assert.Contains(new FactCount("beslismoment", "overig", 1), byAnswer);
        var byWijk = await engine.Store.CountFactsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, "wijk");
        Assert.DoesNotContain(byWijk, c => c.Name == "beslismoment" && c.DimensionValue is not null);
    }
}
