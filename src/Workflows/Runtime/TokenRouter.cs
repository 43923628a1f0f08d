using ProcessEngine.Workflows.Activities;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// Sends a token down each connection of a completed outcome. A join counts the tokens that reached it
/// (kept in the instance's state, so a join with one branch arrived survives a restart) and runs when all
/// have arrived (wait-all) or on the first (wait-any); its count starts again once every branch came.
/// </summary>
internal static class TokenRouter
{
    public static void Route(ExecutionState state, FlowNode node, string outcome)
    {
        if (!node.Outgoing.TryGetValue(outcome, out var targets)) return;
        foreach (var target in targets)
        {
            if (target.Activity is not IJoinActivity join) { state.Queue.Enqueue(new WorkItem(target, null)); continue; }
            var tokens = state.Instance.State.JoinTokens;
            var arrived = tokens.GetValueOrDefault(target.Id) + 1;
            var fire = join.WaitAll ? arrived >= target.IncomingCount : arrived == 1;
            tokens[target.Id] = arrived >= target.IncomingCount ? 0 : arrived;
            if (tokens[target.Id] == 0) tokens.Remove(target.Id);
            if (fire) state.Queue.Enqueue(new WorkItem(target, null));
        }
    }
}
