using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.TestDrive;

namespace ProcessEngine.Workflows.Validation;

/// <summary>
/// The shape of a flow's saved proefritten: what can be known without running them. Whether a step's task is open at
/// its moment is for the replay to say (<c>-- test-flows</c>, the studio), naming the same JSON path.
/// </summary>
internal static class ScenarioChecks
{
    public static void Check(WorkflowDefinitionModel model, List<FlowError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (model.Scenarios?.Count ?? 0); i++)
        {
            var scenario = model.Scenarios![i];
            var path = $"$.scenarios[{i}]";
            if (string.IsNullOrWhiteSpace(scenario.Name)) errors.Add(new(path + ".name", "required: a scenario needs a name"));
            else if (!names.Add(scenario.Name)) errors.Add(new(path + ".name", $"scenario '{scenario.Name}' is saved twice"));
            if (!TestDriveMoment.TryParse(scenario.Start, out _))
                errors.Add(new(path + ".start", $"'{scenario.Start}' is not a moment: write 2027-01-15 or 2027-01-15T09:00 (Europe/Amsterdam)"));
            for (var s = 0; s < (scenario.Steps?.Count ?? 0); s++) CheckStep(scenario.Steps![s], $"{path}.steps[{s}]", errors);
        }
    }

    private static void CheckStep(ScenarioStepModel step, string path, List<FlowError> errors)
    {
        var kinds = new[] { step.Task, step.Signal, step.Until }.Count(k => k is not null);
        if (kinds != 1) errors.Add(new(path, "a step has exactly one of task (complete a task), signal (send a signal) or until (let the clock run)"));
        foreach (var (field, value) in new[] { ("at", step.At), ("until", step.Until) })
            if (value is not null && !TestDriveMoment.TryParse(value, out _))
                errors.Add(new($"{path}.{field}", $"'{value}' is not a moment: write 2027-01-15 or 2027-01-15T09:00 (Europe/Amsterdam)"));
        if (step.Task is null && (step.Outcome ?? step.Flow) is not null || step.Task is null && step.Answers is not null)
            errors.Add(new(path, "outcome, flow and answers belong to a task step"));
        if (step.Signal is null && step.Data is not null) errors.Add(new(path + ".data", "data belongs to a signal step"));
    }
}
