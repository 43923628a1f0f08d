using Mediator;
using ProcessEngine.Host.Access;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;

namespace ProcessEngine.Host.Features.Casus;

/// <param name="Machtiging">A machtiging uithuisplaatsing (or spoedmachtiging) the same beschikking grants within the (voorlopige) OTS.</param>
public sealed record MaatregelInput(MaatregelType? Type, DateOnly? StartDatum, DateOnly? EindDatum, MachtigingInput? Machtiging = null);
public sealed record MachtigingInput(MaatregelType? Soort, DateOnly? StartDatum, DateOnly? EindDatum);
public sealed record RedenInput(string? Reden);
public sealed record NetwerkInput(string? Rol, NetwerkSoort? Soort, string? Bijdrage);

public sealed record RegisterMaatregel(string CasusCode, MaatregelInput Input, CurrentUser User) : ICasusRequest<Maatregel>, ICasusChange
{
    public CasusAuditLine Audit => new("maatregel.create", AuditAction.Create);
    public AuditLine? Line { get; init; }
    public ICasusChange Alongside(AuditLine line) => this with { Line = line };
}

public sealed record RegisterMachtiging(string CasusCode, Guid Id, MachtigingInput Input, CurrentUser User) : ICasusRequest<Maatregel>, ICasusChange
{
    public CasusAuditLine Audit => new("maatregel.machtiging", AuditAction.Update, Id.ToString());
    public AuditLine? Line { get; init; }
    public ICasusChange Alongside(AuditLine line) => this with { Line = line };
}

public sealed record RequestBeschikking(string CasusCode, CurrentUser User) : ICasusRequest<BeschikkingVerzoek>, ICasusChange
{
    public CasusAuditLine Audit => new("maatregel.verzoek-gi", AuditAction.Create);
    public AuditLine? Line { get; init; }
    public ICasusChange Alongside(AuditLine line) => this with { Line = line };
}

public sealed record EndMaatregel(string CasusCode, Guid Id, string? Reden, CurrentUser User) : ICasusRequest<Maatregel>, ICasusChange
{
    public CasusAuditLine Audit => new("maatregel.end", AuditAction.Update, Id.ToString());
    public AuditLine? Line { get; init; }
    public ICasusChange Alongside(AuditLine line) => this with { Line = line };
}

public sealed record AddNetwerkLid(string CasusCode, NetwerkInput Input, CurrentUser User) : ICasusRequest<NetwerkLid>, ICasusChange
{
    public CasusAuditLine Audit => new("netwerk.create", AuditAction.Create);
    public AuditLine? Line { get; init; }
    public ICasusChange Alongside(AuditLine line) => this with { Line = line };
}

public sealed record RemoveNetwerkLid(string CasusCode, Guid Id, CurrentUser User) : ICasusRequest<NetwerkLid>, ICasusChange
{
    public CasusAuditLine Audit => new("netwerk.delete", AuditAction.Delete);
    public AuditLine? Line { get; init; }
    public ICasusChange Alongside(AuditLine line) => this with { Line = line };
}

/// <summary>The maatregel and the network of a casus; involvement and the audit line come from the casus pipeline.</summary>
public sealed class MaatregelNetwerkHandlers(MaatregelService maatregelen, NetwerkService netwerk) :
    IRequestHandler<RegisterMaatregel, RequestResult<Maatregel>>,
    IRequestHandler<EndMaatregel, RequestResult<Maatregel>>,
    IRequestHandler<RegisterMachtiging, RequestResult<Maatregel>>,
    IRequestHandler<RequestBeschikking, RequestResult<BeschikkingVerzoek>>,
    IRequestHandler<AddNetwerkLid, RequestResult<NetwerkLid>>,
    IRequestHandler<RemoveNetwerkLid, RequestResult<NetwerkLid>>
{
    public async ValueTask<RequestResult<Maatregel>> Handle(RegisterMaatregel request, CancellationToken ct) =>
        (await maatregelen.RegisterAsync(request.CasusCode, Registratie(request.Input, request.User), request.User.UserName,
            // The maatregel is its flow instance: its id is known once the engine made it, in the same transaction as the line.
            request.Line?.CompletedBy((record, changes) => record with { Detail = changes.Created[0].Id.ToString() }), ct)).ToResult(m => m, created: true);

    public async ValueTask<RequestResult<Maatregel>> Handle(RegisterMachtiging request, CancellationToken ct)
    {
        if (await maatregelen.FindAsync(request.Id, ct) is not { } maatregel || maatregel.CasusCode != request.CasusCode)
            return RequestResult<Maatregel>.NotFound($"Maatregel {request.Id} hoort niet bij casus {request.CasusCode}.");
        return (await maatregelen.RegisterMachtigingAsync(request.Id, Gegevens(request.Input), request.User.UserName, request.Line, ct)).ToResult(m => m);
    }

    public async ValueTask<RequestResult<BeschikkingVerzoek>> Handle(RequestBeschikking request, CancellationToken ct) =>
        (await maatregelen.RequestRegistrationAsync(request.CasusCode, request.User.UserName, request.Line, ct)).ToResult(v => v);

    // The jeugdbeschermer who registers the beschikking carries the measure out: its tasks come to them.
    private static MaatregelRegistratie Registratie(MaatregelInput input, CurrentUser user) =>
        new(input.Type, input.StartDatum, input.EindDatum, input.Machtiging is { } m ? Gegevens(m) : null,
            user.IsIn(Roles.Jeugdbeschermer) ? user.UserName : null);

    private static MachtigingGegevens Gegevens(MachtigingInput input) => new(input.Soort, input.StartDatum, input.EindDatum);

    public async ValueTask<RequestResult<Maatregel>> Handle(EndMaatregel request, CancellationToken ct)
    {
        // The id must be a maatregel of this casus: involvement in one casus opens no other.
        if (await maatregelen.FindAsync(request.Id, ct) is not { } maatregel || maatregel.CasusCode != request.CasusCode)
            return RequestResult<Maatregel>.NotFound($"Maatregel {request.Id} hoort niet bij casus {request.CasusCode}.");
        return (await maatregelen.EndAsync(request.Id, request.Reden, request.User.UserName, request.Line, ct)).ToResult(m => m);
    }

    public async ValueTask<RequestResult<NetwerkLid>> Handle(AddNetwerkLid request, CancellationToken ct) =>
        (await netwerk.AddAsync(request.CasusCode, request.Input.Rol, request.Input.Soort, request.Input.Bijdrage, request.User.UserName, request.Line, ct))
            .ToResult(n => n, created: true);

    public async ValueTask<RequestResult<NetwerkLid>> Handle(RemoveNetwerkLid request, CancellationToken ct) =>
        (await netwerk.RemoveAsync(request.CasusCode, request.Id, request.Line, ct)).ToResult(n => n);
}
