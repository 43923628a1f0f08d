using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Validation;

/// <summary>The result of compiling a flow file: the model as read, the runnable graph, and every error found.</summary>
public sealed record CompiledFlow(WorkflowDefinitionModel? Model, WorkflowGraph? Graph, IReadOnlyList<FlowError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Graph is not null;
}
