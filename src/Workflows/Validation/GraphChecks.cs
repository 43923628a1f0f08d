using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Validation;

/// <summary>Checks on the shape of the flowchart: one start, everything reachable, no cycle that cannot wait.</summary>
internal static class GraphChecks
{
    public static FlowNode? FindStart(WorkflowDefinitionModel model, Dictionary<string, FlowNode> nodes, List<FlowError> errors)
    {
        if (nodes.Count == 0) return null;
        if (!string.IsNullOrWhiteSpace(model.Start))
        {
            if (nodes.TryGetValue(model.Start, out var named)) return named;
            errors.Add(new("$.start", $"unknown activity '{model.Start}'"));
            return null;
        }
        var roots = nodes.Values.Where(n => n.IncomingCount == 0).ToList();
        if (roots.Count == 1) return roots[0];
        errors.Add(roots.Count == 0
            ? new FlowError("$.start", "no start activity: every activity has an incoming connection; name one in \"start\"")
            : new FlowError("$.start", $"no start activity: {string.Join(", ", roots.Select(r => $"'{r.Id}'"))} have no incoming connection; name the start in \"start\" or connect the others"));
        return null;
    }

    public static void CheckReachable(WorkflowDefinitionModel model, Dictionary<string, FlowNode> nodes, FlowNode start, List<FlowError> errors)
    {
        var seen = new HashSet<FlowNode> { start };
        var work = new Stack<FlowNode>([start]);
        while (work.TryPop(out var node))
            foreach (var target in node.Outgoing.Values.SelectMany(t => t))
                if (seen.Add(target)) work.Push(target);
        foreach (var node in nodes.Values.Where(n => !seen.Contains(n)))
            errors.Add(new(PathOf(model, node.Id), $"activity '{node.Id}' cannot be reached from the start activity '{start.Id}'"));
    }

    /// <summary>
    /// Finds strongly connected components (Tarjan). A component with a cycle and no blocking activity
    /// would run forever in one pass, holding the database's write lock, so it is refused.
    /// </summary>
    public static void CheckCycles(WorkflowDefinitionModel model, Dictionary<string, FlowNode> nodes, List<FlowError> errors)
    {
        var index = new Dictionary<FlowNode, int>();
        var low = new Dictionary<FlowNode, int>();
        var stack = new Stack<FlowNode>();
        var onStack = new HashSet<FlowNode>();
        var counter = 0;

        void Visit(FlowNode node)
        {
            index[node] = low[node] = counter++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var target in node.Outgoing.Values.SelectMany(t => t))
            {
                if (!index.ContainsKey(target)) { Visit(target); low[node] = Math.Min(low[node], low[target]); }
                else if (onStack.Contains(target)) low[node] = Math.Min(low[node], index[target]);
            }
            if (low[node] != index[node]) return;
            var component = new List<FlowNode>();
            FlowNode member;
            do { member = stack.Pop(); onStack.Remove(member); component.Add(member); } while (member != node);
            var cyclic = component.Count > 1 || node.Outgoing.Values.Any(t => t.Contains(node));
            if (cyclic && !component.Any(n => n.Descriptor.IsBlocking))
            {
                var ids = component.Select(n => n.Id).Reverse().ToList();
                errors.Add(new(PathOf(model, ids[0]),
                    $"activities {string.Join(" → ", ids)} → {ids[0]} form a cycle with no waiting activity (task, timer, signal or subflow); it would run forever"));
            }
        }

        foreach (var node in nodes.Values.Where(n => !index.ContainsKey(n))) Visit(node);
    }

    private static string PathOf(WorkflowDefinitionModel model, string activityId) =>
        $"$.activities[{model.Activities!.FindIndex(a => a.Id == activityId)}]";
}
