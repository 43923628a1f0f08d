using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence;

/// <summary>Queries behind the host's task prompts (e-mail on creation, reminders, escalations). Keyset-paged.</summary>
public partial interface IWorkflowStore
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
