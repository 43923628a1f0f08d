using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence;

/// <summary>Queries behind the host's task prompts (e-mail on creation, reminders, escalations). Keyset-paged.</summary>
public partial interface IWorkflowStore
{
    /// <summary>
    /// Open or held tasks created at or after <paramref name="since"/>, in creation order (by id), the page
    /// after <paramref name="afterId"/> (<see cref="Guid.Empty"/> for the first page).
    /// </summary>
    Task<IReadOnlyList<UserTask>> FindTasksCreatedSinceAsync(DateTimeOffset since, Guid afterId, int max, CancellationToken ct = default);

    /// <summary>
    /// Open (not held) tasks whose due moment lies in (<paramref name="after"/>, <paramref name="until"/>],
    /// in due order, the page after the task (<paramref name="after"/>, <paramref name="afterId"/>).
    /// </summary>
    Task<IReadOnlyList<UserTask>> FindOpenTasksDueAsync(DateTimeOffset after, Guid afterId, DateTimeOffset until, int max,
        CancellationToken ct = default);
}
