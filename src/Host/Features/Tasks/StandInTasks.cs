using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Features.Casus;
using ProcessEngine.Host.Features.Waarnemingen;
using ProcessEngine.Host.Security;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Features.Tasks;

/// <summary>The open tasks of the people the signed-in person stands in for now (waarneming); each row's assignee is whom it is "namens".</summary>
public sealed record ListStandInTasks(CurrentUser User, string? CasusCode) : IRequest<RequestResult<IReadOnlyList<TaskView>>>;

/// <summary>
/// A stand-in's part of the inbox: for every person they stand in for at this moment, the open tasks assigned to that person,
/// overdue and earliest due first. Nothing once the period ended. The list's audit line names the casussen it showed and, as
/// on-behalf-of, the people whose tasks they were.
/// </summary>
public sealed class ListStandInTasksHandler(IWorkflowStore engine, WaarnemingStore waarnemingen, Auditor audit, Inbox.InboxStore inbox)
    : IRequestHandler<ListStandInTasks, RequestResult<IReadOnlyList<TaskView>>>
{
    private const int MaxPerPerson = 200;

    public async ValueTask<RequestResult<IReadOnlyList<TaskView>>> Handle(ListStandInTasks request, CancellationToken ct)
    {
        var absent = await waarnemingen.AbsentForAsync(request.User.UserName, ct);
        var tasks = new List<Workflows.Runtime.UserTask>();
        foreach (var person in absent)
            tasks.AddRange(await engine.FindOpenTasksAsync(new TaskQuery(person, [], request.CasusCode, 0, MaxPerPerson), ct));
        var shown = tasks.OrderBy(t => t.DueAt ?? DateTimeOffset.MaxValue).ThenBy(t => t.CreatedAt).ToList();
        await audit.ListAsync(request.User, "task.list.waarneming", Auditor.PurposeCare, shown.Select(t => t.CorrelationId), shown.Count,
            onBehalfOf: shown.Count == 0 ? null : string.Join(",", shown.Select(t => t.Assignee).Distinct()), ct: ct);
        var notes = await inbox.NotesOfAsync([.. shown.Select(t => t.Id)], ct);
        return RequestResult<IReadOnlyList<TaskView>>.Ok([.. shown.Select(t => TaskView.From(t).With(notes.GetValueOrDefault(t.Id)))]);
    }
}
