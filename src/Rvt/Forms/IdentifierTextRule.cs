using ProcessEngine.Rvt.Privacy;
using ProcessEngine.Workflows.Validation;

namespace ProcessEngine.Rvt.Forms;

/// <summary>
/// A flow's texts reach every professional who gets its tasks: a task title with a family's address or a BSN in an option
/// label would put that family in every inbox. The identifier guard reads them when the flow is compiled.
/// </summary>
public sealed class IdentifierTextRule : IFlowTextRule
{
    public string? Problem(string text) => IdentifierGuard.FirstMessage(text);
}
