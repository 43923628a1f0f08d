using Mediator;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.Platform.Audit;

namespace ProcessEngine.Host.Api.Casus;

public sealed record MaatregelInput(MaatregelType? Type, DateOnly? StartDatum, DateOnly? EindDatum);
public sealed record RedenInput(string? Reden);
public sealed record NetwerkInput(string? Rol, NetwerkSoort? Soort, string? Bijdrage);

public sealed record RegistreerMaatregel(string Code, MaatregelInput Input, CurrentUser User) : IRequest<Outcome<Maatregel>>;
public sealed record BeeindigMaatregel(string Code, Guid Id, string? Reden, CurrentUser User) : IRequest<Outcome<Maatregel>>;
public sealed record VoegNetwerkToe(string Code, NetwerkInput Input, CurrentUser User) : IRequest<Outcome<NetwerkLid>>;
public sealed record VerwijderNetwerk(string Code, Guid Id, CurrentUser User) : IRequest<Outcome<NetwerkLid>>;

/// <summary>The maatregel and the network of a casus through the API; every change is audited.</summary>
public sealed class MaatregelNetwerkHandlers(MaatregelService maatregelen, NetwerkService netwerk, CasusGuard guard, Auditor audit) :
    IRequestHandler<RegistreerMaatregel, Outcome<Maatregel>>,
    IRequestHandler<BeeindigMaatregel, Outcome<Maatregel>>,
    IRequestHandler<VoegNetwerkToe, Outcome<NetwerkLid>>,
    IRequestHandler<VerwijderNetwerk, Outcome<NetwerkLid>>
{
    public async ValueTask<Outcome<Maatregel>> Handle(RegistreerMaatregel request, CancellationToken ct)
    {
        var (access, refusal) = await guard.EnterAsync<Maatregel>(request.User, request.Code, "maatregel.create", AuditAction.Create, ct);
        if (refusal is not null) return refusal;
        var result = await maatregelen.RegisterAsync(request.Code, request.Input.Type, request.Input.StartDatum, request.Input.EindDatum,
            request.User.UserName, ct);
        if (result.Succeeded)
            await audit.CasusAsync(request.User, "maatregel.create", AuditAction.Create, request.Code, access, detail: result.Value!.Id.ToString(), ct: ct);
        return result.ToOutcome(m => m, created: true);
    }

    public async ValueTask<Outcome<Maatregel>> Handle(BeeindigMaatregel request, CancellationToken ct)
    {
        var (access, refusal) = await guard.EnterAsync<Maatregel>(request.User, request.Code, "maatregel.end", AuditAction.Update, ct);
        if (refusal is not null) return refusal;
        // The id must be a maatregel of this casus: involvement in one casus opens no other.
        if (await maatregelen.FindAsync(request.Id, ct) is not { } maatregel || maatregel.CasusCode != request.Code)
            return Outcome<Maatregel>.NotFound($"Maatregel {request.Id} hoort niet bij casus {request.Code}.");
        var result = await maatregelen.EndAsync(request.Id, request.Reden, request.User.UserName, ct);
        if (result.Succeeded)
            await audit.CasusAsync(request.User, "maatregel.end", AuditAction.Update, request.Code, access, detail: request.Id.ToString(), ct: ct);
        return result.ToOutcome(m => m);
    }

    public async ValueTask<Outcome<NetwerkLid>> Handle(VoegNetwerkToe request, CancellationToken ct)
    {
        var (access, refusal) = await guard.EnterAsync<NetwerkLid>(request.User, request.Code, "netwerk.create", AuditAction.Create, ct);
        if (refusal is not null) return refusal;
        var result = await netwerk.AddAsync(request.Code, request.Input.Rol, request.Input.Soort, request.Input.Bijdrage, request.User.UserName, ct);
        if (result.Succeeded) await audit.CasusAsync(request.User, "netwerk.create", AuditAction.Create, request.Code, access, ct: ct);
        return result.ToOutcome(n => n, created: true);
    }

    public async ValueTask<Outcome<NetwerkLid>> Handle(VerwijderNetwerk request, CancellationToken ct)
    {
        var (access, refusal) = await guard.EnterAsync<NetwerkLid>(request.User, request.Code, "netwerk.delete", AuditAction.Delete, ct);
        if (refusal is not null) return refusal;
        var result = await netwerk.RemoveAsync(request.Code, request.Id, ct);
        if (result.Succeeded) await audit.CasusAsync(request.User, "netwerk.delete", AuditAction.Delete, request.Code, access, ct: ct);
        return result.ToOutcome(n => n);
    }
}
