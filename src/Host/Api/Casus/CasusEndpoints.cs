using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Api.Casus;

/// <summary>Aanmelding, and everything about one casus for the people involved in it.</summary>
public static class CasusEndpoints
{
    public sealed record VeiligheidskaartInput(VeiligheidskaartInhoud? Inhoud, int? BasisVersie);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/trajecten", AanmeldenAsync)
            .WithTags("Casus").Access(Policies.Aanmelden)
            .WithSummary("Aanmelding: een nieuwe casus met zijn traject; de vrije tekst wordt op directe identificatie gecontroleerd.");

        var casus = api.MapGroup("/casus/{code}").WithTags("Casus");
        casus.MapGet("/", GetCasusAsync).Access(Policies.CasusWork, involvement: true)
            .WithSummary("De casus met traject, taken, maatregelen en netwerk.");
        casus.MapGet("/tijdlijn", GetTijdlijnAsync).Access(Policies.CasusWork, involvement: true)
            .WithSummary("Het traject in woorden: aanmelding, afgeronde taken met hun uitkomst, routes, Stopknop, maatregelen, Veiligheidskaart.");
        casus.MapPost("/stopknop", StopknopAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("De Stopknop: pauzeert het traject; de voorzitter beoordeelt.");

        casus.MapGet("/veiligheidskaart", GetVeiligheidskaartAsync).Access(Policies.CasusWork, involvement: true)
            .WithSummary("De huidige versie van de Veiligheidskaart.");
        casus.MapGet("/veiligheidskaart/versies", ListVeiligheidskaartVersiesAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("Alle versies, oudste eerst.");
        casus.MapGet("/veiligheidskaart/verschil", CompareVeiligheidskaartAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("Wat er tussen twee versies veranderde.");
        casus.MapPut("/veiligheidskaart", SaveVeiligheidskaartAsync)
            .Access(Policies.CasusWork, involvement: true)
            .WithSummary("Een nieuwe versie opslaan (basisVersie: de versie die u bewerkte; 409 als iemand u voor was).");

        casus.MapPost("/maatregelen", RegistreerMaatregelAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("Een maatregel registreren; de evaluaties en termijnen starten.");
        casus.MapPost("/maatregelen/{id:guid}/beeindigen", BeeindigMaatregelAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("Een maatregel beëindigen met een reden; alle termijnen vervallen.");

        casus.MapPost("/netwerk", VoegNetwerkToeAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("Iemand uit het netwerk toevoegen, alleen met de rol (geen naam).");
        casus.MapDelete("/netwerk/{id:guid}", VerwijderNetwerkAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("Iemand uit het netwerk verwijderen.");
    }

    private static async Task<Results<Created<AanmeldingCreated>, InvalidProblem>> AanmeldenAsync(CasusIntake intake, HttpContext http, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new Aanmelden(intake, CurrentUser.From(http)), ct)).ToCreatedOr400(created => $"/api/casus/{created.CasusCode}");

    private static async Task<Results<Ok<CasusView>, ForbiddenProblem, NotFoundProblem>> GetCasusAsync(string code, HttpContext http, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new GetCasus(code, CurrentUser.From(http)), ct)).ToOkOr403Or404();

    private static async Task<Results<Ok<IReadOnlyList<TijdlijnRegel>>, ForbiddenProblem, NotFoundProblem>> GetTijdlijnAsync(string code, HttpContext http,
        IMediator m, CancellationToken ct) =>
        (await m.Send(new GetCasusTijdlijn(code, CurrentUser.From(http)), ct)).ToOkOr403Or404();

    private static async Task<Results<Ok<TrajectStatus>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> StopknopAsync(string code,
        RedenInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new PressStopknop(code, body.Reden, CurrentUser.From(http)), ct)).ToOkOr400Or403Or404Or409();

    private static async Task<Results<Ok<VeiligheidskaartView>, ForbiddenProblem, NotFoundProblem>> GetVeiligheidskaartAsync(string code, HttpContext http,
        IMediator m, CancellationToken ct) =>
        (await m.Send(new GetVeiligheidskaart(code, CurrentUser.From(http)), ct)).ToOkOr403Or404();

    private static async Task<Results<Ok<IReadOnlyList<VeiligheidskaartView>>, ForbiddenProblem, NotFoundProblem>> ListVeiligheidskaartVersiesAsync(
        string code, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ListVeiligheidskaartVersies(code, CurrentUser.From(http)), ct)).ToOkOr403Or404();

    private static async Task<Results<Ok<VerschilView>, InvalidProblem, ForbiddenProblem, NotFoundProblem>> CompareVeiligheidskaartAsync(string code,
        int van, int tot, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new CompareVeiligheidskaart(code, van, tot, CurrentUser.From(http)), ct)).ToOkOr400Or403Or404();

    private static async Task<Results<Created<VeiligheidskaartView>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>>
        SaveVeiligheidskaartAsync(string code, VeiligheidskaartInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new SaveVeiligheidskaart(code, body.Inhoud, body.BasisVersie, CurrentUser.From(http)), ct))
            .ToCreatedOr400Or403Or404Or409(_ => $"/api/casus/{code}/veiligheidskaart");

    private static async Task<Results<Created<Maatregel>, InvalidProblem, ForbiddenProblem, NotFoundProblem>> RegistreerMaatregelAsync(string code,
        MaatregelInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new RegistreerMaatregel(code, body, CurrentUser.From(http)), ct)).ToCreatedOr400Or403Or404(_ => $"/api/casus/{code}");

    private static async Task<Results<Ok<Maatregel>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> BeeindigMaatregelAsync(
        string code, Guid id, RedenInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new BeeindigMaatregel(code, id, body.Reden, CurrentUser.From(http)), ct)).ToOkOr400Or403Or404Or409();

    private static async Task<Results<Created<NetwerkLid>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> VoegNetwerkToeAsync(
        string code, NetwerkInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new VoegNetwerkToe(code, body, CurrentUser.From(http)), ct)).ToCreatedOr400Or403Or404Or409(_ => $"/api/casus/{code}");

    private static async Task<Results<Ok<NetwerkLid>, ForbiddenProblem, NotFoundProblem>> VerwijderNetwerkAsync(string code, Guid id, HttpContext http,
        IMediator m, CancellationToken ct) =>
        (await m.Send(new VerwijderNetwerk(code, id, CurrentUser.From(http)), ct)).ToOkOr403Or404();
}
