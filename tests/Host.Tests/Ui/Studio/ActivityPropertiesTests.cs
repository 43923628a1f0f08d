using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using ProcessEngine.Rvt;
using ProcessEngine.Host.Components.Studio.Designer;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Expressions;

namespace ProcessEngine.Host.Tests.Ui.Studio;

/// <summary>The property panel generated from an activity's input descriptors, edited as a coordinator does.</summary>
public sealed class ActivityPropertiesTests : BunitContext, IAsyncLifetime
{
    private static readonly ActivityRegistry Registry = new ActivityRegistry().AddRvtActivities();
    private readonly List<(string Input, JsonElement? Value)> _changes = [];

    public ActivityPropertiesTests()
    {
        Services.AddMudServices();
        Services.AddSingleton<IExpressionEvaluator>(new JintExpressionEvaluator(Options.Create(new ExpressionOptions())));
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's input services dispose only asynchronously; xunit's synchronous Dispose would throw on them.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    // Text fields report after their debounce (a quarter second); a loaded machine needs more than bUnit's default second.
    private static readonly TimeSpan Debounced = TimeSpan.FromSeconds(5);

    private IRenderedComponent<ActivityProperties> Panel(string activityJson, params FlowError[] errors)
    {
        var activity = JsonSerializer.Deserialize<ActivityModel>(activityJson, FlowJson.Options)!;
        return Render<ActivityProperties>(p => p
            .Add(c => c.Activity, activity)
            .Add(c => c.Descriptor, Registry.Find(activity.Type!))
            .Add(c => c.Errors, errors)
            .Add(c => c.InputChanged, (ValueTuple<string, JsonElement?> change) => _changes.Add(change)));
    }

    [Fact]
    public void Renders_AFieldForEveryInputTheDescriptorDeclares_WithTheValueFromTheFlow()
    {
        var panel = Panel("""{ "id": "t", "type": "HumanTask", "inputs": { "title": "Beoordelen", "due": "P2W", "outcomes": ["Ja", "Nee"] } }""");

        Assert.Equal(Registry.Find("HumanTask")!.Inputs.Select(i => i.Name), panel.FindAll("[data-input]").Select(e => e.GetAttribute("data-input")));
        Assert.Equal("Beoordelen", panel.Find("[data-input=title] input:not([type=checkbox])").GetAttribute("value"));
        Assert.Equal("P2W", panel.Find("[data-input=due] input:not([type=checkbox])").GetAttribute("value"));
        Assert.Equal(["Ja", "Nee"], panel.FindAll("[data-input=outcomes] .mud-chip").Select(c => c.TextContent.Trim()));
        Assert.Contains("Titel *", panel.Find("[data-input=title]").TextContent); // its Dutch name, required
        Assert.Contains("(candidateGroup)", panel.Find("[data-input=candidateGroup]").TextContent); // the file's name, in the help text
        Assert.Empty(panel.FindAll("[data-input=formRule] [data-testid^=expression-switch]")); // a literal-only input has no expression switch
    }

    [Fact]
    public void TypingATitle_SendsTheInputsNewJson_AndClearingItRemovesTheInput()
    {
        var panel = Panel("""{ "id": "t", "type": "HumanTask" }""");
        var title = panel.Find("[data-input=title] input:not([type=checkbox])");

        title.Input("Terugkoppeling");
        panel.WaitForAssertion(() => Assert.Contains(_changes, c => c.Input == "title" && c.Value?.GetString() == "Terugkoppeling"), Debounced);
        panel.Find("[data-input=title] input:not([type=checkbox])").Input("");
        panel.WaitForAssertion(() => Assert.Equal(("title", (JsonElement?)null), _changes[^1]), Debounced);
    }

    [Fact]
    public void ADuration_IsCheckedByTheEnginesParser_AsItIsTyped()
    {
        var panel = Panel("""{ "id": "t", "type": "HumanTask", "inputs": { "title": "x", "due": "twee weken" } }""");

        Assert.Contains("twee weken", panel.Find("[data-input=due] .mud-input-helper-text, [data-input=due] .mud-input-error").TextContent);
    }

    [Fact]
    public void AnExpression_IsCheckedByTheEnginesCompiler_WithItsMessage()
    {
        var broken = Panel("""{ "id": "d", "type": "Decision", "inputs": { "outcome": { "expression": "variables.acuut ? 'Spoed' :" }, "outcomes": ["Spoed"] } }""");
        var fine = Panel("""{ "id": "d", "type": "Decision", "inputs": { "outcome": { "expression": "variables.acuut ? 'Spoed' : 'Regulier'" }, "outcomes": ["Spoed"] } }""");

        Assert.Contains("the expression does not compile", broken.Find("[data-input=outcome]").TextContent);
        Assert.Empty(broken.FindAll("[data-input=outcome] [data-testid=expression-ok]"));
        Assert.Equal("Syntax in orde.", fine.Find("[data-input=outcome] [data-testid=expression-ok]").TextContent);
    }

    [Fact]
    public void SwitchingAnInputToAnExpression_ShowsTheExpressionEditor_AndTypedSourceIsSentAsAnExpression()
    {
        var panel = Panel("""{ "id": "t", "type": "HumanTask", "inputs": { "title": "x" } }""");

        panel.Find("[data-input=due] input[type=checkbox]").Change(true);
        panel.Find("[data-input=due] textarea").Input("dates.add(now, 'P1W')");

        panel.WaitForAssertion(() => Assert.Contains(_changes, c => c.Input == "due" && c.Value is { } v
            && v.ValueKind == JsonValueKind.Object && v.GetProperty("expression").GetString() == "dates.add(now, 'P1W')"), Debounced);
    }

    [Fact]
    public void AddingAFormField_SendsTheFormAsAListOfFields()
    {
        var panel = Panel("""{ "id": "t", "type": "HumanTask", "inputs": { "title": "x", "form": [ { "name": "reden", "label": "Reden", "type": "multiline" } ] } }""");

        Assert.Single(panel.FindAll("[data-form-field=reden]"));
        panel.FindAll("[data-input=form] button").Single(b => b.TextContent.Contains("Veld toevoegen")).Click();

        var form = Assert.Single(_changes, c => c.Input == "form").Value!.Value;
        Assert.Equal(["reden", "veld2"], form.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal("multiline", form[0].GetProperty("type").GetString());
    }

    [Fact]
    public void TheEnginesErrors_AreShownAtTheInputTheyConcern()
    {
        var panel = Panel("""{ "id": "t", "type": "HumanTask" }""",
            new FlowError("$.activities[3].inputs.title", "required input 'title' of 'HumanTask' is missing"),
            new FlowError("$.activities[3]", "activity 't' cannot be reached from the start"));

        Assert.Equal("required input 'title' of 'HumanTask' is missing", panel.Find("[data-input=title] [data-testid=input-error]").TextContent);
        Assert.Equal("activity 't' cannot be reached from the start", panel.Find("[data-testid=activity-error]").TextContent.Trim());
    }
}
