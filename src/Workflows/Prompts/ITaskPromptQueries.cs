using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Prompts;

/// <summary>
/// The queries behind the host's task prompts (e-mail on creation, reminders, escalations), apart from
/// the runtime's store (<see cref="Persistence.IWorkflowStore"/>) and the screens' monitoring queries
/// (<see cref="Monitoring.IWorkflowMonitoring"/>). Its own namespace because it has one audience, the
/// prompt jobs, and is named after it as <c>Monitoring</c> is after the screens. Keyset-paged. Unlike the
/// monitoring rows these still return whole <see cref="UserTask"/>s, as before the split: the jobs decide on
/// a task's due and creation moments and address by holder, group and correlation (see the host's
/// <c>PromptTask</c>), and the jobs ask 200 tasks at a time.
/// </summary>
public interface ITaskPromptQueries
{
    /// <summary>
    /// Open or held tasks in creation order, the page after the task (<paramref name="after"/>,
    /// <paramref name="afterId"/>): pass a moment and <see cref="Guid.Empty"/> for every task created since then.
    /// </summary>
    Task<IReadOnlyList<UserTask>> FindTasksCreatedSinceAsync(DateTimeOffset after, Guid afterId, int max, CancellationToken ct = default);

    /// <summary>
    /// Open (not held) tasks whose due moment lies in (<paramref name="after"/>, <paramref name="until"/>],
    /// in due order, the page after the task (<paramref name="after"/>, <paramref name="afterId"/>).
    /// </summary>
    Task<IReadOnlyList<UserTask>> FindOpenTasksDueAsync(DateTimeOffset after, Guid afterId, DateTimeOffset until, int max,
        CancellationToken ct = default);
}
