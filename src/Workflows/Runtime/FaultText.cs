using System.Text;
using ProcessEngine.Workflows.Expressions;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// What an incident and the journal keep of a failure. Exceptions in general carry values in their message (a
/// parser quoting the text it could not read, a script throwing the variables it saw), and flow designers,
/// managers and admins read incidents; so only messages that promise to hold no value are kept, and of every
/// other exception only its kind, where it happened, and the stack frames (code locations, no messages).
/// </summary>
internal static class FaultText
{
    public static string Message(Exception error, string activityId, string activityType) => error switch
    {
        ActivityFaultException or ExpressionException => error.Message,
        // Its message names the flow asked for, which an expression may have computed from the instance's data.
        WorkflowNotFoundException => $"{activityType} '{activityId}' starts a flow that has no published version.",
        _ => $"{activityType} '{activityId}' failed with {error.GetType().Name}; its message is not stored, as it may hold casus data.",
    };

    /// <summary>Each exception of the chain by type, with its stack frames; no message of any of them.</summary>
    public static string Trace(Exception error)
    {
        var text = new StringBuilder();
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (text.Length > 0) text.AppendLine("--- caused by ---");
            text.AppendLine(current.GetType().FullName);
            if (current.StackTrace is { } frames) text.AppendLine(frames);
        }
        return text.ToString();
    }
}
