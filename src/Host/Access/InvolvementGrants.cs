using System.Text.Json;
using Microsoft.Extensions.Options;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Access;

/// <summary>
/// What a person's act on a task gives in involvement, decided here and registered as domain rows in the act's own transaction.
/// Only acts of people count, and only from someone with the standing to give it: taking a task offered to one's group, or
/// being handed one by a person; the chair putting a casus on the table (the triage's choice for bespreking); the chair or the
/// inbrenger naming the duo partner in a form; a jeugdbeschermer registering a maatregel they carry out. A flow's own
/// assignment, variable or input gives nothing: whoever designs a flow cannot hand anyone a family.
/// </summary>
public sealed class InvolvementGrants(InvolvementRecords involvements, TrajectService trajecten, ActiveAccounts accounts,
    IOptions<RvtFlowOptions> flows)
{
    /// <summary>The triage's outcome that puts a casus on the table (rvt-aanmelding), when the chair chooses it.</summary>
    public const string TableDecision = "Bespreking";

    /// <summary>The form field in which the chair or the inbrenger names the second professional of a duo.</summary>
    public const string DuoPartnerField = "duoPartner";

    /// <summary>Roles a duo partner may have: a professional, someone of the table (a member, or the chair walking along) or an ervaringsdeskundige.</summary>
    private static readonly string[] DuoRoles = [Roles.Professional, Roles.RvtMember, Roles.RvtChair, Roles.Ervaringsdeskundige];

    /// <summary>The person took a task offered to their group (by claiming it, or by completing it straight away).</summary>
    public IUnitOfWorkPart? ForTaking(UserTask task, string holder) =>
        task.CorrelationId is { } code ? involvements.Alongside(code, holder, new GrantedInvolvement(InvolvementKind.TaskHolder, holder, task.Id)) : null;

    /// <summary>A person handed the task to <paramref name="holder"/>.</summary>
    public IUnitOfWorkPart? ForHandover(UserTask task, string holder, string registeredBy) =>
        task.CorrelationId is { } code ? involvements.Alongside(code, registeredBy, new GrantedInvolvement(InvolvementKind.TaskHolder, holder, task.Id)) : null;

    /// <summary>
    /// What completing <paramref name="task"/> gives, and the duo partner's canonical name written back into the answers; a duo
    /// partner named who cannot be one is a problem for the form field (nothing is completed then).
    /// </summary>
    /// <param name="holder">In whose name the task is completed (the holder, when a stand-in completes it).</param>
    public async Task<(IUnitOfWorkPart? Part, string? DuoPartnerProblem)> ForCompletionAsync(CurrentUser user, UserTask task, string holder,
        string outcome, Dictionary<string, object?> data, CancellationToken ct)
    {
        if (task.CorrelationId is not { } code) return (null, null);
        var grants = new List<GrantedInvolvement>();
        if (task.Assignee is null) grants.Add(new(InvolvementKind.TaskHolder, holder, task.Id));
        var chair = user.IsIn(Roles.RvtChair);
        if (chair && outcome == TableDecision) grants.Add(new(InvolvementKind.Table, null, task.Id));
        if (Named(data.GetValueOrDefault(DuoPartnerField)) is { } typed
            && (chair || (await trajecten.FindCasusAsync(code, ct))?.Inbrenger == holder))
        {
            var (account, problem) = await accounts.FindAsync(typed);
            if (account is null) return (null, problem);
            if (!DuoRoles.Any(account.Groups.Contains))
                return (null, $"{account.Name} kan geen duopartner zijn: kies een professional, iemand van de RVT-tafel of een ervaringsdeskundige.");
            data[DuoPartnerField] = account.Name;
            grants.Add(new(InvolvementKind.DuoPartner, account.Name, task.Id));
        }
        return (involvements.Alongside(code, holder, changes => [.. grants, .. MaatregelsCarriedBy(changes, holder)]), null);
    }

    /// <summary>
    /// The maatregel flows this act started with the acting person as their jeugdbeschermer (a flow's registration task; the
    /// casus page's registration is recorded by <see cref="MaatregelService"/> itself).
    /// </summary>
    private IEnumerable<GrantedInvolvement> MaatregelsCarriedBy(WorkflowChanges? changes, string person) =>
        (changes?.Created ?? []).Where(i => i.DefinitionId == flows.Value.MaatregelFlow && i.ReadInput().GetValueOrDefault("jeugdbeschermer") as string == person)
            .Select(i => new GrantedInvolvement(InvolvementKind.Jeugdbeschermer, person, i.Id));

    private static string? Named(object? answer) => answer switch
    {
        string { Length: > 0 } text when !string.IsNullOrWhiteSpace(text) => text.Trim(),
        JsonElement { ValueKind: JsonValueKind.String } element when !string.IsNullOrWhiteSpace(element.GetString()) => element.GetString()!.Trim(),
        _ => null,
    };
}
