using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Host.Features.Waarnemingen;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Access;

/// <summary>Whether a person may see a casus, and why (the reason goes to the audit log as the purpose).</summary>
public enum CasusAccessResult { NotFound, Denied, Inbrenger, DuoPartner, Assignee, RvtTafel, RvtVoorzitter, Jeugdbeschermer, Waarnemer }

/// <summary>
/// The access a person has to a casus and, for a stand-in (<see cref="CasusAccessResult.Waarnemer"/>), whose involvement they act
/// on: the audit line's on-behalf-of ("namens").
/// </summary>
public readonly record struct CasusInvolvement(CasusAccessResult Access, string? OnBehalfOf = null)
{
    public static implicit operator CasusInvolvement(CasusAccessResult access) => new(access);
}

/// <summary>
/// Access follows involvement, read only from the domain's own records: the casus's inbrenger and its registered involvements
/// (<see cref="Involvement"/>, written by <see cref="InvolvementGrants"/> with the act that gave each), never from data a flow
/// controls. A professional sees a casus as its inbrenger, as its registered duo partner, or as a task holder (someone who took
/// one of its tasks, or was handed one by a person); the GI's jeugdbeschermer sees it while a maatregel they registered runs, or
/// as a task holder; the RVT chair sees every casus (the chair triages them all); an RVT member sees a casus once the chair put
/// it on the table, and so does an ervaringsdeskundige, who takes part in the table; an ervaringsdeskundige is otherwise
/// involved as a professional is (duo partner, task holder); managers, coordinators and admins never see casus content.
/// Someone without an involvement of their own who stands in (waarneming) right now for a professional involved as inbrenger,
/// duo partner, task holder or jeugdbeschermer is involved as that person's waarnemer, for the period only.
/// </summary>
public sealed class CasusAccess(TrajectService trajecten, InvolvementRecords involvements, IWorkflowStore engine, WaarnemingStore waarnemingen)
{
    public async Task<CasusInvolvement> CheckAsync(CurrentUser user, string casusCode, CancellationToken ct = default)
    {
        var casus = await trajecten.FindCasusAsync(casusCode, ct);
        if (casus is null) return CasusAccessResult.NotFound;
        if (user.IsIn(Roles.RvtChair)) return CasusAccessResult.RvtVoorzitter;
        var records = await involvements.OfAsync(casusCode, ct);
        var own = await OwnAsync(user, casus.Inbrenger, records, ct);
        if (own != CasusAccessResult.Denied || !Policies.RolesByPolicy[Policies.CasusWork].Any(user.IsIn)) return own;
        // Their own involvement first: a stand-in who is on the casus anyway acts in their own name.
        foreach (var absent in await waarnemingen.AbsentForAsync(user.UserName, ct))
            if (await PersonallyInvolvedAsync(absent, casus.Inbrenger, records, ct) != CasusAccessResult.Denied)
                return new(CasusAccessResult.Waarnemer, absent);
        return CasusAccessResult.Denied;
    }

    private async Task<CasusAccessResult> OwnAsync(CurrentUser user, string inbrenger, IReadOnlyList<Involvement> records, CancellationToken ct)
    {
        if ((user.IsIn(Roles.RvtMember) || user.IsIn(Roles.Ervaringsdeskundige)) && records.Any(r => r.Kind == InvolvementKind.Table))
            return CasusAccessResult.RvtTafel;
        if (!user.IsIn(Roles.Professional) && !user.IsIn(Roles.Jeugdbeschermer) && !user.IsIn(Roles.Ervaringsdeskundige)) return CasusAccessResult.Denied;
        return await PersonallyInvolvedAsync(user.UserName, inbrenger, records, ct);
    }

    /// <summary>The person-bound involvements (not those by role: a stand-in does not borrow those).</summary>
    private async Task<CasusAccessResult> PersonallyInvolvedAsync(string person, string inbrenger, IReadOnlyList<Involvement> records,
        CancellationToken ct)
    {
        var theirs = records.Where(r => r.UserName == person).ToList();
        // The measure first: the GI's audit lines say they act as its jeugdbeschermer, not as the holder of the task that registered it.
        foreach (var carried in theirs.Where(r => r.Kind == InvolvementKind.Jeugdbeschermer && r.SourceId is not null))
            if ((await engine.FindInstanceAsync(carried.SourceId!.Value, ct))?.IsActive == true) return CasusAccessResult.Jeugdbeschermer;
        if (inbrenger == person) return CasusAccessResult.Inbrenger;
        if (theirs.Any(r => r.Kind == InvolvementKind.DuoPartner)) return CasusAccessResult.DuoPartner;
        return theirs.Any(r => r.Kind == InvolvementKind.TaskHolder) ? CasusAccessResult.Assignee : CasusAccessResult.Denied;
    }

    public static bool Allowed(CasusAccessResult result) => result is not (CasusAccessResult.NotFound or CasusAccessResult.Denied);
}
