using ProcessEngine.Host.Api;
using ProcessEngine.HostStore.Inbox;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Features.Casus;

/// <summary>A task as the casus page and the inbox show it; the form comes along so a client can render it.</summary>
public sealed record TaskView(Guid Id, string Title, string? Description, string? Assignee, string? CandidateGroup, DateTimeOffset? DueAt,
    UserTaskStatus Status, IReadOnlyList<string> Outcomes, IReadOnlyList<FormField> Form, string? CasusCode, string DefinitionId,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string? CompletedBy, string? Outcome, string ActivityId,
    DateTimeOffset? SlowedUntil = null, string? SlowedReason = null, string? SlowedBy = null,
    DateOnly? FollowUpOn = null, TaskPriority Priority = TaskPriority.Normal)
{
    public static TaskView From(UserTask task) => new(task.Id, task.Title, task.Description, task.Assignee, task.CandidateGroup, task.DueAt,
        task.Status,
        task.Outcomes, task.Form, task.CorrelationId, task.DefinitionId, task.CreatedAt, task.CompletedAt, task.CompletedBy, task.Outcome,
        task.ActivityId, task.SlowedUntil, task.SlowedReason, task.SlowedBy);

    /// <summary>With the holder's follow-up date and priority, when they set any.</summary>
    public TaskView With(TaskNote? note) => note is null ? this : this with { FollowUpOn = note.FollowUpOn, Priority = note.Priority };

    /// <summary>Open and consciously slowed at <paramref name="now"/>: shown as "bewust vertraagd tot …", never as late.</summary>
    public bool IsSlowedAt(DateTimeOffset now) => Status == UserTaskStatus.Open && SlowedUntil > now;
}

public sealed record TrajectView(TrajectStatus Status, string? Route, string? HeaviestRoute, DateTimeOffset StartedAt, DateTimeOffset? ClosedAt,
    string? ClosingReason, DateTimeOffset? RetainUntil);

public sealed record CasusView(
    string Code,
    string Organisatie,
    string Inbrenger,
    string Hulpvraag,
    Huishouden Huishouden,
    Onveiligheid Onveiligheid,
    bool AnalyseAanwezig,
    bool VeiligheidskaartAanwezig,
    bool GezinWeetVanAanmelding,
    DateTimeOffset AangemeldOp,
    bool InhoudVerwijderd,
    TrajectView? Traject,
    IReadOnlyList<TaskView> Taken,
    IReadOnlyList<Maatregel> Maatregelen,
    IReadOnlyList<NetwerkLid> Netwerk);

public sealed record VeiligheidskaartView(int Versie, string Auteur, DateTimeOffset OpgeslagenOp, VeiligheidskaartInhoud Inhoud)
{
    public static VeiligheidskaartView From(VeiligheidskaartVersie versie) => new(versie.Nummer, versie.Auteur, versie.CreatedAt, versie.Inhoud);
}

public sealed record VerschilView(int Van, int Tot, IReadOnlyList<Verschil> Verschillen);
