namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// An activity's failure whose message names only what the flow's author wrote (activity ids, outcomes, input
/// names, type names) and never a value of the instance. Only such a message (and an <see cref="Expressions.ExpressionException"/>'s,
/// which keeps the same promise) is stored as an incident's and journal's text: coordinators, managers and admins
/// read those, and may not read casus content.
/// </summary>
public sealed class ActivityFaultException(string message) : Exception(message);
