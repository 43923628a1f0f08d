using System.Text.Json;
using Microsoft.Extensions.Options;
using ProcessEngine.Rvt;
using ProcessEngine.Host.Components.Studio.Designer;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Validation;

namespace ProcessEngine.Host.Tests.Ui.Studio;

/// <summary>The designer's draft: what the canvas reports and the panel edits becomes a flow file the engine compiles.</summary>
public sealed class DesignerDraftTests
{
    private static readonly ActivityRegistry Registry = new ActivityRegistry().AddRvtActivities();
    private static readonly FlowCompiler Compiler = new(Registry, new JintExpressionEvaluator(Options.Create(new ExpressionOptions())));

    private const string Flow = """
        { "id": "f", "name": "F", "variables": [ { "name": "v" } ],
          "activities": [
            { "id": "a", "type": "HumanTask", "displayName": "Intake", "inputs": { "title": "Intake", "outcomes": ["Ja", "Nee"] }, "position": { "x": 0, "y": 0 } },
            { "id": "b", "type": "End", "position": { "x": 0, "y": 200 } } ],
          "connections": [ { "source": "a", "outcome": "Ja", "target": "b" } ] }
        """;

    private static DesignerDraft Draft()
    {
        using var json = JsonDocument.Parse(Flow);
        return DesignerDraft.From(json.RootElement);
    }

    private static GraphSnapshot Graph(IEnumerable<GraphActivity> activities, params GraphConnection[] connections) => new([.. activities], connections);

    private static readonly GraphActivity A = new("a", "HumanTask", 0, 0, null);
    private static readonly GraphActivity B = new("b", "End", 0, 200, null);

    [Fact]
    public void The_flow_panel_edits_name_description_and_variables_and_an_empty_name_is_the_engine_s_error()
    {
        var draft = Draft();
        using var three = JsonDocument.Parse("3");

        draft.SetName("  Nieuwe naam ");
        draft.SetDescription("Waarvoor deze flow is.");
        draft.SetVariables([.. draft.Variables, new VariableModel { Name = "evaluatieMaanden", Default = three.RootElement.Clone(), Description = "Regionale instelling" }]);

        var file = JsonDocument.Parse(draft.ToJson()).RootElement;
        Assert.Equal("Nieuwe naam", file.GetProperty("name").GetString());
        Assert.Equal("Waarvoor deze flow is.", file.GetProperty("description").GetString());
        Assert.Equal(["v", "evaluatieMaanden"], file.GetProperty("variables").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        Assert.Equal(3, file.GetProperty("variables")[1].GetProperty("default").GetInt32());
        Assert.True(Compiler.Compile(draft.ToJson()).IsValid);

        draft.SetName("");
        Assert.Contains(Compiler.Compile(draft.ToJson()).Errors, e => e.Path == "$.name");
    }

    [Fact]
    public void Rename_moves_the_id_its_connections_and_keeps_the_inputs_for_an_undo_on_the_canvas()
    {
        var draft = Draft();

        Assert.Equal("Er is al een activiteit met id 'b'.", draft.Rename("a", "b"));
        Assert.Equal("Een id bestaat uit letters, cijfers, '-' en '_'.", draft.Rename("a", "met spatie"));
        Assert.Null(draft.Rename("a", "intake"));

        var file = JsonDocument.Parse(draft.ToJson()).RootElement;
        Assert.Equal("intake", file.GetProperty("connections")[0].GetProperty("source").GetString());
        Assert.Equal("Intake", draft.Find("intake")!.Inputs!["title"].GetString());
        Assert.True(Compiler.Compile(draft.ToJson()).IsValid);
        // The canvas's undo shows the old node again: it comes back with its inputs.
        Assert.True(draft.Apply(Graph([A with { X = 10 }, B], new GraphConnection("a", "Ja", "b"))));
        Assert.Equal("Intake", draft.Find("a")!.Inputs!["title"].GetString());
        Assert.Null(draft.Find("intake"));
    }

    [Fact]
    public void Apply_TakesNewActivitiesPositionsAndConnections_AndKeepsTheRestOfTheFile()
    {
        var draft = Draft();

        var changed = draft.Apply(Graph([A with { X = 40.4, Y = 10 }, B, new GraphActivity("humantask-1", "HumanTask", 300, 100, null)],
            new GraphConnection("a", "Ja", "b"), new GraphConnection("a", "Nee", "humantask-1")));

        Assert.True(changed);
        var file = FlowJson.TryParse(draft.ToJson(), out _)!;
        Assert.Equal(["a", "b", "humantask-1"], file.Activities!.Select(a => a.Id));
        Assert.Equal(new DesignerPosition(40, 10), file.Activities![0].Position);
        Assert.Equal("Intake", file.Activities[0].Inputs!["title"].GetString()); // inputs are C#'s, untouched by the canvas
        Assert.Equal(new DesignerPosition(300, 100), file.Activities[2].Position);
        Assert.Equal("v", Assert.Single(file.Variables!).Name);
        Assert.Equal(["a:Ja->b", "a:Nee->humantask-1"], file.Connections!.Select(c => $"{c.Source}:{c.Outcome}->{c.Target}"));
        Assert.False(draft.Apply(Graph([A with { X = 40.4, Y = 10 }, B, new GraphActivity("humantask-1", "HumanTask", 300, 100, null)],
            new GraphConnection("a", "Ja", "b"), new GraphConnection("a", "Nee", "humantask-1"))), "the same graph again changes nothing");
    }

    [Fact]
    public void AnActivityRemovedAndBroughtBackByUndo_ComesBackWithItsInputs()
    {
        var draft = Draft();

        draft.Apply(Graph([B]));
        Assert.Null(draft.Find("a"));
        draft.Apply(Graph([A, B], new GraphConnection("a", "Ja", "b")));

        Assert.Equal("Intake", draft.Find("a")!.Inputs!["title"].GetString());
        Assert.Equal("Intake", draft.Find("a")!.DisplayName);
    }

    [Fact]
    public void APastedActivity_CopiesTheInputsOfTheActivityItCopies_UnderItsOwnId()
    {
        var draft = Draft();

        draft.Apply(Graph([A, B, new GraphActivity("humantask-1", "HumanTask", 30, 30, CopyOf: "a")], new GraphConnection("a", "Ja", "b")));

        var copy = draft.Find("humantask-1")!;
        Assert.Equal(("HumanTask", "Intake"), (copy.Type, copy.Inputs!["title"].GetString()));
        Assert.Equal(new DesignerPosition(30, 30), copy.Position);
    }

    [Fact]
    public void SetInputAndRedraw_EditTheFile_AsTheCompilerThenSeesIt_DroppingConnectionsOfALostOutcome()
    {
        var draft = Draft();
        draft.Apply(Graph([A, B, new GraphActivity("humantask-1", "HumanTask", 300, 100, null)],
            new GraphConnection("a", "Ja", "b"), new GraphConnection("a", "Ja", "humantask-1"), new GraphConnection("a", "Nee", "humantask-1")));
        Assert.Contains(Compiler.Compile(draft.ToJson()).Errors, e => e.Path == "$.activities[2].inputs.title");

        draft.SetInput("humantask-1", "title", JsonSerializer.SerializeToElement("Terugkoppeling"));
        draft.SetInput("a", "outcomes", JsonSerializer.SerializeToElement(new[] { "Ja" }));
        Assert.Equal(["Ja"], draft.Redraw("a", Registry).Outcomes);
        draft.SetDisplayName("b", "Klaar");

        var compiled = Compiler.Compile(draft.ToJson());
        Assert.True(compiled.IsValid, string.Join("; ", compiled.Errors));
        Assert.Equal(["a:Ja->b", "a:Ja->humantask-1"], compiled.Model!.Connections!.Select(c => $"{c.Source}:{c.Outcome}->{c.Target}"));
        Assert.Equal("Klaar", draft.Redraw("b", Registry).Label);
        draft.SetInput("humantask-1", "title", null);
        Assert.Null(draft.Find("humantask-1")!.Inputs);
    }

    [Fact]
    public void Problems_ArePlacedOnTheActivityOrConnectionTheirPathPointsInto()
    {
        var draft = Draft();
        draft.Apply(Graph([A, B, new GraphActivity("humantask-1", "HumanTask", 300, 100, null)],
            new GraphConnection("a", "Ja", "b"), new GraphConnection("b", "Done", "humantask-1")));

        var problems = DesignerProblems.From(Compiler.Compile(draft.ToJson()).Errors, draft);

        Assert.Equal(["humantask-1"], problems.Activities.Keys);
        Assert.Contains("required input 'title' of 'HumanTask' is missing", problems.Activities["humantask-1"]);
        Assert.Contains("activity 'b' has no outcome 'Done'", Assert.Single(problems.Connections["b:Done->humantask-1"]));
    }
}
