using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Forms;

/// <summary>
/// A check on a completed task form beyond what its field definitions say, shipped with an activity
/// library (<see cref="Activities.ActivityRegistry.AddFormRule"/>). A rule without a <see cref="Name"/> runs on every form (e.g. refusing direct identifiers in
/// free text); a named rule runs only where a HumanTask names it in its <c>formRule</c> input (e.g. the
/// legal maximum of a maatregel). Rules run before anything is changed; any error refuses the completion.
/// </summary>
public interface ITaskFormRule
{
    /// <summary>Null for a rule that applies to every task form; otherwise the name a flow refers to.</summary>
    string? Name { get; }

    /// <summary>Shown in the studio next to the name.</summary>
    string Description { get; }

    /// <summary>Adds an error per field (key: the field name) that breaks the rule.</summary>
    void Check(TaskFormSubmission submission, IDictionary<string, string> errors);
}

/// <summary>
/// A completion as the rules see it: the task's fields, the chosen outcome, the values already typed by
/// field, the flow's input and variables as they stand (a rule may compare with them: a new end date
/// against the current one), and the engine's clock.
/// </summary>
public sealed record TaskFormSubmission(UserTask Task, IReadOnlyList<FormField> Fields, string Outcome, IReadOnlyDictionary<string, object?> Values,
    IReadOnlyDictionary<string, object?> FlowInput, IReadOnlyDictionary<string, object?> FlowVariables, DateTimeOffset Now);

/// <summary>An activity that lets a flow name the rule its task form is checked with.</summary>
public interface IUsesFormRule
{
    string? FormRuleName { get; }
}
