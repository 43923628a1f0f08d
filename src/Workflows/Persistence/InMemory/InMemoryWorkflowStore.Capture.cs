using ProcessEngine.Workflows.Persistence.Copying;

namespace ProcessEngine.Workflows.Persistence.InMemory;

public sealed partial class InMemoryWorkflowStore
{
    /// <summary>Everything stored for one correlation, detached (see <see cref="InstanceGraph"/>).</summary>
    public InstanceGraph Capture(string correlationId)
    {
        lock (_gate)
        {
            var instances = _instances.Values.Where(i => i.CorrelationId == correlationId).Select(i => i.Clone()).ToList();
            var ids = instances.Select(i => i.Id).ToHashSet();
            return new InstanceGraph(correlationId, instances,
                [.. _bookmarks.Values.Where(b => ids.Contains(b.InstanceId)).Select(b => b.Clone())],
                [.. _tasks.Values.Where(t => ids.Contains(t.InstanceId)).Select(t => t.Clone())],
                [.. _journal.Where(j => ids.Contains(j.InstanceId))],
                [.. _incidents.Values.Where(i => ids.Contains(i.InstanceId)).Select(i => i.Clone())],
                [.. _facts.Where(f => f.InstanceId is { } id && ids.Contains(id))]);
        }
    }

    /// <summary>Forgets everything (a simulation that captured what it needs starts the next run empty).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _instances.Clear();
            _bookmarks.Clear();
            _tasks.Clear();
            _journal.Clear();
            _incidents.Clear();
            _facts.Clear();
            _signals.Clear();
        }
    }
}
