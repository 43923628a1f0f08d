namespace ProcessEngine.Workflows.Validation;

/// <summary>
/// A check on the texts a flow shows to people (its name and description, activity names, task titles, outcomes, form
/// labels and options), applied when a flow is compiled: a draft with a finding can be saved, never published. The
/// application supplies the rules (the RVT: no identifier of a family member in any text of a flow).
/// </summary>
public interface IFlowTextRule
{
    /// <returns>Why <paramref name="text"/> may not stand in a flow, or null.</returns>
    string? Problem(string text);
}
