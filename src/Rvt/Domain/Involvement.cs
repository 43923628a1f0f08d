namespace ProcessEngine.Rvt.Domain;

/// <summary>
/// How someone came to be involved in a casus, beyond bringing it in. Table: the chair put the casus on the table for a
/// bespreking (its members and ervaringsdeskundigen take part); DuoPartner: the chair or the inbrenger named the second
/// professional; TaskHolder: someone took one of its tasks, or a person handed it to them; Jeugdbeschermer: the GI's
/// jeugdbeschermer registered a maatregel they carry out (involved while it runs).
/// </summary>
public enum InvolvementKind { Table, DuoPartner, TaskHolder, Jeugdbeschermer }

/// <summary>One involvement as it was registered: what gives it, and who with the standing to give it did.</summary>
/// <param name="UserName">The user name of the person involved; none for <see cref="InvolvementKind.Table"/> (the table as a whole).</param>
/// <param name="SourceId">The task or maatregel it came with, if any.</param>
public sealed record GrantedInvolvement(InvolvementKind Kind, string? UserName, Guid? SourceId = null);

/// <summary>
/// A registered involvement in a casus. Access to a casus follows these rows and the casus's inbrenger only, never data a
/// flow controls (a variable, a task's assignee expression): a flow designer must not be able to hand anyone a family.
/// Each row is written in the same transaction as the person's act that gave it (a claim, a handover, the chair's choice).
/// </summary>
public sealed class Involvement
{
    public const int MaxNameLength = 256;

    private Involvement() { }

    public Guid Id { get; private set; }
    public string CasusCode { get; private set; } = "";
    public InvolvementKind Kind { get; private set; }
    public string? UserName { get; private set; }
    public Guid? SourceId { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    public DateTimeOffset RegisteredAt { get; private set; }

    internal static Involvement Create(string casusCode, GrantedInvolvement grant, string registeredBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CasusCode = casusCode,
        Kind = grant.Kind,
        UserName = grant.Kind == InvolvementKind.Table ? null : grant.UserName,
        SourceId = grant.SourceId,
        RegisteredBy = registeredBy,
        RegisteredAt = now,
    };

    /// <summary>Whether this row already says what <paramref name="grant"/> would: one row per involvement, not per act.</summary>
    internal bool Says(GrantedInvolvement grant) => Kind == grant.Kind && grant.Kind switch
    {
        InvolvementKind.Table => true,
        InvolvementKind.Jeugdbeschermer => UserName == grant.UserName && SourceId == grant.SourceId,
        _ => UserName == grant.UserName,
    };
}
