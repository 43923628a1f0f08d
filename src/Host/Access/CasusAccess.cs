using Microsoft.Extensions.Options;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Host.Features.Waarnemingen;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

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
/// Access follows involvement: a professional sees a casus as its inbrenger, as duo partner, or as
/// assignee of one of its tasks (open or done); the GI's jeugdbeschermer sees it while a maatregel they
/// carry out runs (named on the maatregel), or as assignee of one of its tasks; the RVT chair sees every casus (the chair
/// triages them all); an RVT member sees a casus once it is on the table (triage chose bespreking), and so does an
/// ervaringsdeskundige, who takes part in the table; an ervaringsdeskundige is otherwise involved as a professional is
/// (duo partner, assignee);
/// managers, coordinators and admins never see casus content.
/// Someone without an involvement of their own who stands in (waarneming) right now for a professional involved as inbrenger,
/// duo partner, task holder or jeugdbeschermer is involved as that person's waarnemer, for the period only.
/// </summary>
public sealed class CasusAccess(TrajectService trajecten, IWorkflowStore engine, IOptions<RvtFlowOptions> flows, WaarnemingStore waarnemingen)
{
    private const string AanmeldingFlow = "rvt-aanmelding";

    public async Task<CasusInvolvement> CheckAsync(CurrentUser user, string casusCode, CancellationToken ct = default)
    {
        var casus = await trajecten.FindCasusAsync(casusCode, ct);
        if (casus is null) return CasusAccessResult.NotFound;
        if (user.IsIn(Roles.RvtChair)) return CasusAccessResult.RvtVoorzitter;
        var instances = await engine.FindInstancesByCorrelationAsync(casusCode, ct);
        var own = await OwnAsync(user, casus.Inbrenger, casusCode, instances, ct);
        if (own != CasusAccessResult.Denied || !Policies.RolesByPolicy[Policies.CasusWork].Any(user.IsIn)) return own;
        // Their own involvement first: a stand-in who is on the casus anyway acts in their own name.
        foreach (var absent in await waarnemingen.AbsentForAsync(user.UserName, ct))
            if (await InvolvedAsync(absent, casus.Inbrenger, casusCode, instances, ct)) return new(CasusAccessResult.Waarnemer, absent);
        return CasusAccessResult.Denied;
    }

    private async Task<CasusAccessResult> OwnAsync(CurrentUser user, string inbrenger, string casusCode, IReadOnlyList<WorkflowInstance> instances,
        CancellationToken ct)
    {
        if ((user.IsIn(Roles.RvtMember) || user.IsIn(Roles.Ervaringsdeskundige)) && instances.Any(i => i.DefinitionId == AanmeldingFlow && OnTheTable(i.Variables)))
            return CasusAccessResult.RvtTafel;
        if (user.IsIn(Roles.Jeugdbeschermer) && CarriesMaatregel(instances, user.UserName)) return CasusAccessResult.Jeugdbeschermer;
        if (!user.IsIn(Roles.Professional) && !user.IsIn(Roles.Jeugdbeschermer) && !user.IsIn(Roles.Ervaringsdeskundige)) return CasusAccessResult.Denied;
        if (inbrenger == user.UserName) return CasusAccessResult.Inbrenger;
        // The duo partner is a variable of the casus's flows (the duo flow sets it when the chair forms the duo, the traject when
        // the aanmelding named one) or the input of a flow started for the duo: involved from the moment the duo is formed.
        if (DuoPartnersOf(instances).Contains(user.UserName)) return CasusAccessResult.DuoPartner;
        if (await engine.IsTaskPersonAsync(casusCode, user.UserName, ct)) return CasusAccessResult.Assignee;
        return CasusAccessResult.Denied;
    }

    /// <summary>Whether the absent person is on the casus by the person-bound rules (not by role: those a stand-in does not borrow).</summary>
    private async Task<bool> InvolvedAsync(string absent, string inbrenger, string casusCode, IReadOnlyList<WorkflowInstance> instances,
        CancellationToken ct) =>
        inbrenger == absent || DuoPartnersOf(instances).Contains(absent) || CarriesMaatregel(instances, absent)
        || await engine.IsTaskPersonAsync(casusCode, absent, ct);

    private bool CarriesMaatregel(IEnumerable<WorkflowInstance> instances, string userName) =>
        instances.Any(i => i.DefinitionId == flows.Value.MaatregelFlow && i.IsActive && i.ReadInput().GetValueOrDefault("jeugdbeschermer") as string == userName);

    /// <summary>The duo partners of a casus: each of its flows' <c>duoPartner</c>, as a variable or as the input it started with.</summary>
    public static IEnumerable<string> DuoPartnersOf(IEnumerable<WorkflowInstance> instances) =>
        instances.SelectMany(i => new[] { i.Variables.GetValueOrDefault("duoPartner"), i.ReadInput().GetValueOrDefault("duoPartner") })
            .OfType<string>().Where(name => name.Length > 0);

    private static bool OnTheTable(IReadOnlyDictionary<string, object?> variables) =>
        variables.GetValueOrDefault("triage") is IReadOnlyDictionary<string, object?> triage && triage.GetValueOrDefault("outcome") as string == "Bespreking";

    public static bool Allowed(CasusAccessResult result) => result is not (CasusAccessResult.NotFound or CasusAccessResult.Denied);
}
