using ProcessEngine.Tests.Shared;
using ProcessEngine.Workflows.Activities;

namespace ProcessEngine.Activities.Tests;

public sealed class DescriptorTests
{
    private readonly ActivityRegistry _registry = new ActivityRegistry().AddGenericActivities();

    [Fact]
    public void Registry_HoldsTheGenericActivities_WhenLibraryIsAdded()
    {
        Assert.Equal(
            ["Decision", "Delay", "End", "Fork", "HumanTask", "Join", "RecordFact", "ReleaseHold", "RunSubflow", "SendSignal", "SetVariable", "StartFlow", "StopOtherBranches", "WaitForSignal"],
            _registry.All.Select(d => d.Type).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_input_has_a_Dutch_label_for_the_studio_besides_its_json_name()
    {
        var unlabelled = _registry.All.SelectMany(d => d.Inputs.Where(i => i.Label == i.Name).Select(i => $"{d.Type}.{i.Name}"));

        Assert.Empty(unlabelled);
        Assert.Equal("Voor welke groep", _registry.Find("HumanTask")!.FindInput("candidateGroup")!.Label);
    }

    [Fact]
    public void Describe_ReadsInputsDefaultsAndOutcomes_WhenActivityDeclaresThem()
    {
        var task = _registry.Find("HumanTask")!;
        Assert.True(task.IsBlocking);
        Assert.Equal("outcomes", task.OutcomesFromInput);
        var title = task.FindInput("title")!;
        Assert.True(title.Required);
        Assert.Equal("string", title.ValueType);
        Assert.Equal("text", title.UIHint);
        Assert.Equal("duration", task.FindInput("due")!.ValueType);
        Assert.Equal("form-fields", task.FindInput("form")!.UIHint);
        Assert.Equal(new[] { "Afgerond" }, task.FindInput("outcomes")!.Default);

        var join = _registry.Find("Join")!;
        Assert.True(join.IsJoin);
        var mode = join.FindInput("mode")!;
        Assert.Equal("All", mode.Default);
        Assert.Equal(["All", "Any"], mode.Options);
        Assert.Equal("choice", mode.UIHint);

        Assert.Empty(_registry.Find("End")!.Outcomes);
        Assert.Equal([Outcomes.Done], _registry.Find("SetVariable")!.Outcomes);
    }

    [Fact]
    public void Describe_Refuses_WhenClassHasNoActivityAttribute()
    {
        var error = Assert.Throws<ArgumentException>(() => ActivityDescriber.Describe(typeof(Unmarked)));
        Assert.Contains("no [Activity] attribute", error.Message);
    }

    private sealed class Unmarked : Activity
    {
        public override ValueTask<Workflows.Runtime.ActivityResult> ExecuteAsync(Workflows.Runtime.ActivityContext context) =>
            ValueTask.FromResult(Workflows.Runtime.ActivityResult.Done);
    }
}
