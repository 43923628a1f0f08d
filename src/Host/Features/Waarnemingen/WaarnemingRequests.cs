using Mediator;
using Microsoft.AspNetCore.Identity;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.HostStore.StandIns;

namespace ProcessEngine.Host.Features.Waarnemingen;

public sealed record ListWaarnemingen(CurrentUser User) : IRequest<RequestResult<IReadOnlyList<WaarnemingView>>>;
public sealed record SetWaarneming(WaarnemingInput Input, CurrentUser User) : IRequest<RequestResult<WaarnemingView>>;
public sealed record EndWaarneming(Guid Id, CurrentUser User) : IRequest<RequestResult<WaarnemingView>>;

/// <summary>
/// Setting and ending a stand-in period. A professional sets one for themselves; the RVT chair sets one for anyone (someone who
/// is away unexpectedly cannot). A period gives the stand-in casus access, so it goes only to an active account that works on
/// casussen, and every set and end is audited with purpose "toegang", committed with the row. The reason kind stays out of
/// the audit line: the log is read more widely than the period itself.
/// </summary>
public sealed class WaarnemingHandlers(WaarnemingStore store, Auditor audit, IServiceScopeFactory scopes, TimeProvider clock) :
    IRequestHandler<ListWaarnemingen, RequestResult<IReadOnlyList<WaarnemingView>>>,
    IRequestHandler<SetWaarneming, RequestResult<WaarnemingView>>,
    IRequestHandler<EndWaarneming, RequestResult<WaarnemingView>>
{
    /// <summary>At most this long at once: access by stand-in is meant to be temporary; a longer absence is a new holder for the work.</summary>
    public const int MaxDays = 92;
    private const string SetEvent = "waarneming.set", EndEvent = "waarneming.end";

    public async ValueTask<RequestResult<IReadOnlyList<WaarnemingView>>> Handle(ListWaarnemingen request, CancellationToken ct)
    {
        var chair = request.User.IsIn(Roles.RvtChair);
        var rows = await store.CurrentAsync(chair ? null : request.User.UserName, ct);
        var now = clock.GetUtcNow();
        return RequestResult<IReadOnlyList<WaarnemingView>>.Ok([.. rows.Select(w => WaarnemingView.Of(w, request.User, now))]);
    }

    public async ValueTask<RequestResult<WaarnemingView>> Handle(SetWaarneming request, CancellationToken ct)
    {
        var (user, input) = (request.User, request.Input);
        var absentTyped = string.IsNullOrWhiteSpace(input.Absent) ? user.UserName : input.Absent.Trim();
        if (!string.Equals(absentTyped, user.UserName, StringComparison.OrdinalIgnoreCase) && !user.IsIn(Roles.RvtChair))
        {
            await audit.RecordAsync(user, SetEvent, AuditAction.Create, AuditOutcome.Refused, Auditor.PurposeAccess,
                detail: "waarnemer voor een ander: alleen de voorzitter", ct: ct);
            return RequestResult<WaarnemingView>.Forbidden("U kunt alleen voor uzelf een waarnemer instellen; de voorzitter kan dat voor een ander.");
        }
        var errors = new Dictionary<string, string>();
        var absent = await AccountAsync(absentTyped, "absent", "afwezige", errors);
        var standIn = string.IsNullOrWhiteSpace(input.StandIn) ? Missing(errors, "standIn", "Kies wie waarneemt.")
            : await AccountAsync(input.StandIn.Trim(), "standIn", "waarnemer", errors);
        if (absent is not null && standIn is not null && absent == standIn) errors["standIn"] = "Iemand kan niet voor zichzelf waarnemen.";
        var today = WaarnemingDays.DayOf(clock.GetUtcNow());
        if (input.From is not { } from) errors["from"] = "Kies de eerste dag.";
        else if (from < today) errors["from"] = "Kies vandaag of een latere dag.";
        if (input.Until is not { } until) errors["until"] = "Kies de laatste dag.";
        else if (input.From is { } first && until < first) errors["until"] = "De laatste dag ligt niet voor de eerste.";
        else if (input.From is { } start && until > start.AddDays(MaxDays - 1)) errors["until"] = $"Een waarneming duurt hoogstens {MaxDays} dagen.";
        if (input.Reason is null) errors["reason"] = "Kies de reden: vakantie, ziekte of anders.";
        if (errors.Count > 0) return RequestResult<WaarnemingView>.Invalid(errors);

        var (startsAt, endsAt) = (WaarnemingDays.StartOf(input.From!.Value), WaarnemingDays.StartOf(input.Until!.Value.AddDays(1)));
        var now = clock.GetUtcNow();
        // Only what lies ahead can overlap: a period ended early this morning does not stand in the way of a new one from today.
        if (await store.OverlapsAsync(absent!, startsAt > now ? startsAt : now, endsAt, ct))
            return RequestResult<WaarnemingView>.Invalid("from", $"Er is al een waarnemer voor {absent} in (een deel van) deze periode.");
        var row = new Waarneming
        {
            Id = Guid.CreateVersion7(now), AbsentUser = absent!, StandIn = standIn!, From = startsAt, Until = endsAt, Reason = input.Reason!.Value,
            SetBy = user.UserName, SetAt = now,
        };
        await store.AddAsync(row, audit.Line(user, SetEvent, AuditAction.Create, Auditor.PurposeAccess,
            detail: $"{row.Id}: {standIn} neemt waar voor {absent}, {input.From:yyyy-MM-dd} t/m {input.Until:yyyy-MM-dd}"), ct);
        return RequestResult<WaarnemingView>.Created(WaarnemingView.Of(row, user, now));
    }

    public async ValueTask<RequestResult<WaarnemingView>> Handle(EndWaarneming request, CancellationToken ct)
    {
        var user = request.User;
        var row = await store.FindAsync(request.Id, ct);
        if (row is null) return RequestResult<WaarnemingView>.NotFound($"Waarneming {request.Id} bestaat niet.");
        if (user.UserName != row.AbsentUser && user.UserName != row.SetBy && !user.IsIn(Roles.RvtChair))
        {
            await audit.RecordAsync(user, EndEvent, AuditAction.Update, AuditOutcome.Refused, Auditor.PurposeAccess, detail: $"{row.Id}: niet de eigen", ct: ct);
            return RequestResult<WaarnemingView>.Forbidden("Alleen wie afwezig is, wie de waarneming instelde, of de voorzitter kan haar beëindigen.");
        }
        var now = clock.GetUtcNow();
        if (row.EffectiveUntil <= now || row.EffectiveUntil <= row.From) return RequestResult<WaarnemingView>.Conflict("Deze waarneming is al afgelopen.");
        var what = row.From > now ? "ingetrokken voor de start" : "vervroegd beëindigd";
        var line = audit.Line(user, EndEvent, AuditAction.Update, Auditor.PurposeAccess, detail: $"{row.Id}: {row.StandIn} voor {row.AbsentUser}, {what}");
        if (!await store.EndAsync(row.Id, row.Version, user.UserName, now, line, ct))
            return RequestResult<WaarnemingView>.Conflict("Iemand anders heeft deze waarneming intussen gewijzigd.");
        return RequestResult<WaarnemingView>.Ok(WaarnemingView.Of((await store.FindAsync(row.Id, ct))!, user, now));
    }

    private static string? Missing(Dictionary<string, string> errors, string field, string message)
    {
        errors[field] = message;
        return null;
    }

    /// <summary>The account's own user name, if it is active (not locked out) and works on casussen; otherwise a field error.</summary>
    private async Task<string?> AccountAsync(string typed, string field, string what, Dictionary<string, string> errors)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(typed) is not { UserName: { } name } account) return Missing(errors, field, $"Er is geen gebruiker '{typed}'.");
        if (await users.IsLockedOutAsync(account)) return Missing(errors, field, $"Het account {name} is geblokkeerd.");
        var roles = await users.GetRolesAsync(account);
        if (!Policies.RolesByPolicy[Policies.CasusWork].Any(roles.Contains))
            return Missing(errors, field, $"{name} werkt niet aan casussen en kan geen {what} zijn.");
        return name;
    }
}
