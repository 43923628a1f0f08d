using Mediator;
using ProcessEngine.Host.Access;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;

namespace ProcessEngine.Host.Features.Casus;

public sealed record TafelVraagInput(string? Vraag);

public sealed record TafelVraagView(Guid Id, string Vraag, string GesteldDoor, DateTimeOffset GesteldOp)
{
    public static TafelVraagView From(TafelVraag vraag) => new(vraag.Id, vraag.Vraag, vraag.GesteldDoor, vraag.GesteldOp);
}

public sealed record ListTafelVragen(string CasusCode, CurrentUser User) : ICasusRequest<IReadOnlyList<TafelVraagView>>
{
    public CasusAuditLine Audit => new("tafelvraag.list", AuditAction.Read);
}

public sealed record AddTafelVraag(string CasusCode, TafelVraagInput Input, CurrentUser User) : ICasusRequest<TafelVraagView>, ICasusChange
{
    public CasusAuditLine Audit => new("tafelvraag.create", AuditAction.Create);
    public AuditLine? Line { get; init; }
    public ICasusChange Alongside(AuditLine line) => this with { Line = line };
}

/// <summary>
/// The table's questions on a casus: everyone involved reads them (the inbrenger prepares with them); the people at the
/// table put them: the chair, the members and the ervaringsdeskundigen. Involvement and the audit line come from the casus pipeline.
/// </summary>
public sealed class TafelVragenHandlers(TafelVragenService vragen, Auditor audit) :
    IRequestHandler<ListTafelVragen, RequestResult<IReadOnlyList<TafelVraagView>>>,
    IRequestHandler<AddTafelVraag, RequestResult<TafelVraagView>>
{
    /// <summary>The people at the table: the roles of the RVT table's policy, so the screens and the API's route agree.</summary>
    public static bool AtTheTable(CurrentUser user) => Policies.RolesByPolicy[Policies.RvtTafel].Any(user.IsIn);

    public async ValueTask<RequestResult<IReadOnlyList<TafelVraagView>>> Handle(ListTafelVragen request, CancellationToken ct) =>
        RequestResult<IReadOnlyList<TafelVraagView>>.Ok([.. (await vragen.ListAsync(request.CasusCode, ct)).Select(TafelVraagView.From)]);

    public async ValueTask<RequestResult<TafelVraagView>> Handle(AddTafelVraag request, CancellationToken ct)
    {
        // The API's route policy already keeps others out; the screens send this request directly, so it checks again.
        if (!AtTheTable(request.User))
        {
            await audit.RecordAsync(request.User, "tafelvraag.create", AuditAction.Create, AuditOutcome.Refused, Auditor.PurposeCare, request.CasusCode,
                detail: "alleen wie aan tafel zit", ct: ct);
            return RequestResult<TafelVraagView>.Forbidden("Vragen voor de tafel stellen de voorzitter, de leden en de ervaringsdeskundigen.");
        }
        return (await vragen.AddAsync(request.CasusCode, request.Input.Vraag, request.User.UserName, request.Line, ct)).ToResult(TafelVraagView.From, created: true);
    }
}
