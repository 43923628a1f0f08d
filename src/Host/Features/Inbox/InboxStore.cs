using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Inbox;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Features.Inbox;

/// <summary>
/// The inbox's own rows in the host's tables: follow-up dates and priorities per task (read for a whole list at once), each
/// change committed with its audit line; and the views people saved, always narrowed to their owner.
/// </summary>
public sealed class InboxStore(IDbContextFactory<HostDbContext> contexts)
{
    /// <summary>The notes of these tasks, by task id; tasks without one are absent.</summary>
    public async Task<IReadOnlyDictionary<Guid, TaskNote>> NotesOfAsync(IReadOnlyCollection<Guid> taskIds, CancellationToken ct)
    {
        if (taskIds.Count == 0) return new Dictionary<Guid, TaskNote>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var ids = taskIds.Distinct().ToList();
        return await db.TaskNotes.AsNoTracking().Where(n => ids.Contains(n.TaskId)).ToDictionaryAsync(n => n.TaskId, ct);
    }

    /// <summary>
    /// Sets a task's follow-up date and priority, with its audit line in the same transaction; false when someone changed the
    /// note (or made the first one) at the same moment, so nothing was stored.
    /// </summary>
    public async Task<bool> SetNoteAsync(Guid taskId, DateOnly? followUpOn, TaskPriority priority, string by, DateTimeOffset at,
        IUnitOfWorkPart audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var note = await db.TaskNotes.FirstOrDefaultAsync(n => n.TaskId == taskId, ct);
        if (note is null) db.TaskNotes.Add(note = new TaskNote { TaskId = taskId });
        else note.Version++;
        note.FollowUpOn = followUpOn;
        note.Priority = priority;
        note.SetBy = by;
        note.SetAt = at;
        try
        {
            await db.SaveWithAsync((transaction, token) => audit.WriteAsync(transaction, null, token), ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrency token that moved, or two first notes for one task (the key): the other change won.
            return false;
        }
    }

    public async Task<IReadOnlyList<SavedInboxView>> ViewsOfAsync(string owner, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var views = await db.SavedInboxViews.AsNoTracking().Where(v => v.Owner == owner).ToListAsync(ct);
        return [.. views.OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Saves a view under its name; a view of this owner with that name already is replaced (it keeps its id).</summary>
    public async Task<SavedInboxView> SaveViewAsync(string owner, string name, string filterJson, string sort, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var view = await db.SavedInboxViews.FirstOrDefaultAsync(v => v.Owner == owner && v.Name == name, ct);
        if (view is null) db.SavedInboxViews.Add(view = new SavedInboxView { Id = Guid.NewGuid(), Owner = owner, Name = name });
        view.FilterJson = filterJson;
        view.Sort = sort;
        view.SavedAt = at;
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>Deletes one of the owner's views; false when the owner has no view with this id (someone else's included).</summary>
    public async Task<bool> DeleteViewAsync(string owner, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SavedInboxViews.Where(v => v.Owner == owner && v.Id == id).ExecuteDeleteAsync(ct) > 0;
    }
}
