using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>
/// The four index ranges an inbox page is merged from (a holder's or a group's open tasks, with and without a
/// due date), compiled once per model. Inboxes are read on every page view and every refresh; translating the
/// same LINQ each time was a third of an inbox call's processor time under load. A compiled query belongs to
/// the model it first ran against (SQLite's and PostgreSQL's differ; a test process has both), hence one set
/// per model.
/// </summary>
internal sealed class InboxRangeQueries
{
    private static readonly ConditionalWeakTable<IModel, InboxRangeQueries> PerModel = [];

    private readonly Func<WorkflowDbContext, UserTaskStatus, string, int, IAsyncEnumerable<UserTask>> _holderDue =
        EF.CompileAsyncQuery((WorkflowDbContext db, UserTaskStatus status, string assignee, int take) => db.Tasks.AsNoTracking()
            .Where(x => x.Status == status && x.Assignee == assignee && x.DueAt != null).OrderBy(x => x.DueAt).ThenBy(x => x.Id).Take(take));

    private readonly Func<WorkflowDbContext, UserTaskStatus, string, int, IAsyncEnumerable<UserTask>> _holderUndated =
        EF.CompileAsyncQuery((WorkflowDbContext db, UserTaskStatus status, string assignee, int take) => db.Tasks.AsNoTracking()
            .Where(x => x.Status == status && x.Assignee == assignee && x.DueAt == null).OrderBy(x => x.Id).Take(take));

    private readonly Func<WorkflowDbContext, UserTaskStatus, string, int, IAsyncEnumerable<UserTask>> _groupDue =
        EF.CompileAsyncQuery((WorkflowDbContext db, UserTaskStatus status, string group, int take) => db.Tasks.AsNoTracking()
            .Where(x => x.Status == status && x.Assignee == null && x.CandidateGroup == group && x.DueAt != null)
            .OrderBy(x => x.DueAt).ThenBy(x => x.Id).Take(take));

    private readonly Func<WorkflowDbContext, UserTaskStatus, string, int, IAsyncEnumerable<UserTask>> _groupUndated =
        EF.CompileAsyncQuery((WorkflowDbContext db, UserTaskStatus status, string group, int take) => db.Tasks.AsNoTracking()
            .Where(x => x.Status == status && x.Assignee == null && x.CandidateGroup == group && x.DueAt == null).OrderBy(x => x.Id).Take(take));

    /// <summary>
    /// A holder's tasks of one status (or, with no holder, a group's unclaimed ones): the dated by due moment, then
    /// the undated, each cut at <paramref name="take"/>.
    /// </summary>
    public static async Task AddRangesAsync(List<UserTask> into, WorkflowDbContext db, UserTaskStatus status, string? assignee, string group,
        int take, CancellationToken ct)
    {
        var queries = PerModel.GetValue(db.Model, _ => new InboxRangeQueries());
        var (due, undated, who) = assignee is not null
            ? (queries._holderDue, queries._holderUndated, assignee)
            : (queries._groupDue, queries._groupUndated, group);
        await foreach (var task in due(db, status, who, take).WithCancellation(ct)) into.Add(task);
        await foreach (var task in undated(db, status, who, take).WithCancellation(ct)) into.Add(task);
    }
}
