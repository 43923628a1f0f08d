using Mediator;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Api.Casus;

/// <summary>Aanmelding, and everything about one casus for the people involved in it.</summary>
public static class CasusEndpoints
{
    public sealed record VeiligheidskaartInput(VeiligheidskaartInhoud? Inhoud, int? BasisVersie);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/trajecten", async (CasusIntake intake, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new Aanmelden(intake, CurrentUser.From(http)), ct);
                return created.ToHttp(created.Succeeded ? $"/api/casus/{created.Value!.CasusCode}" : null);
            })
            .WithTags("Casus").Access(Policies.Aanmelden)
            .WithSummary("Aanmelding: een nieuwe casus met zijn traject; de vrije tekst wordt op directe identificatie gecontroleerd.");

        var casus = api.MapGroup("/casus/{code}").WithTags("Casus");
        casus.MapGet("/", Send((code, user) => new GetCasus(code, user))).Access(Policies.CasusWork, involvement: true)
            .WithSummary("De casus met traject, taken, maatregelen en netwerk.");
        casus.MapGet("/tijdlijn", Send((code, user) => new GetCasusTijdlijn(code, user))).Access(Policies.CasusWork, involvement: true)
            .WithSummary("Het traject in woorden: aanmelding, afgeronde taken met hun uitkomst, routes, Stopknop, maatregelen, Veiligheidskaart.");
        casus.MapPost("/stopknop", async (string code, RedenInput body, HttpContext http, IMediator m, CancellationToken ct) =>
                (await m.Send(new PressStopknop(code, body.Reden, CurrentUser.From(http)), ct)).ToHttp())
            .Access(Policies.CasusWork, involvement: true).WithSummary("De Stopknop: pauzeert het traject; de voorzitter beoordeelt.");

        casus.MapGet("/veiligheidskaart", Send((code, user) => new GetVeiligheidskaart(code, user))).Access(Policies.CasusWork, involvement: true)
            .WithSummary("De huidige versie van de Veiligheidskaart.");
        casus.MapGet("/veiligheidskaart/versies", Send((code, user) => new ListVeiligheidskaartVersies(code, user)))
            .Access(Policies.CasusWork, involvement: true).WithSummary("Alle versies, oudste eerst.");
        casus.MapGet("/veiligheidskaart/verschil", async (string code, int van, int tot, HttpContext http, IMediator m, CancellationToken ct) =>
                (await m.Send(new CompareVeiligheidskaart(code, van, tot, CurrentUser.From(http)), ct)).ToHttp())
            .Access(Policies.CasusWork, involvement: true).WithSummary("Wat er tussen twee versies veranderde.");
        casus.MapPut("/veiligheidskaart", async (string code, VeiligheidskaartInput body, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var saved = await m.Send(new SaveVeiligheidskaart(code, body.Inhoud, body.BasisVersie, CurrentUser.From(http)), ct);
                return saved.ToHttp($"/api/casus/{code}/veiligheidskaart");
            })
            .Access(Policies.CasusWork, involvement: true)
            .WithSummary("Een nieuwe versie opslaan (basisVersie: de versie die u bewerkte; 409 als iemand u voor was).");

        casus.MapPost("/maatregelen", async (string code, MaatregelInput body, HttpContext http, IMediator m, CancellationToken ct) =>
                (await m.Send(new RegistreerMaatregel(code, body, CurrentUser.From(http)), ct)).ToHttp($"/api/casus/{code}"))
            .Access(Policies.CasusWork, involvement: true).WithSummary("Een maatregel registreren; de evaluaties en termijnen starten.");
        casus.MapPost("/maatregelen/{id:guid}/beeindigen", async (string code, Guid id, RedenInput body, HttpContext http, IMediator m, CancellationToken ct) =>
                (await m.Send(new BeeindigMaatregel(code, id, body.Reden, CurrentUser.From(http)), ct)).ToHttp())
            .Access(Policies.CasusWork, involvement: true).WithSummary("Een maatregel beëindigen met een reden; alle termijnen vervallen.");

        casus.MapPost("/netwerk", async (string code, NetwerkInput body, HttpContext http, IMediator m, CancellationToken ct) =>
                (await m.Send(new VoegNetwerkToe(code, body, CurrentUser.From(http)), ct)).ToHttp($"/api/casus/{code}"))
            .Access(Policies.CasusWork, involvement: true).WithSummary("Iemand uit het netwerk toevoegen, alleen met de rol (geen naam).");
        casus.MapDelete("/netwerk/{id:guid}", async (string code, Guid id, HttpContext http, IMediator m, CancellationToken ct) =>
                (await m.Send(new VerwijderNetwerk(code, id, CurrentUser.From(http)), ct)).ToHttp())
            .Access(Policies.CasusWork, involvement: true).WithSummary("Iemand uit het netwerk verwijderen.");
    }

    private static Func<string, HttpContext, IMediator, CancellationToken, Task<IResult>> Send<T>(Func<string, CurrentUser, IRequest<Outcome<T>>> request) =>
        async (code, http, m, ct) => (await m.Send(request(code, CurrentUser.From(http)), ct)).ToHttp();
}
