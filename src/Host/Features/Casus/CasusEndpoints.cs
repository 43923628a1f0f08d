using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Security;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;

namespace ProcessEngine.Host.Features.Casus;

/// <summary>Aanmelding, and everything about one casus for the people involved in it.</summary>
public static class CasusEndpoints
{
    public sealed record VeiligheidskaartInput(VeiligheidskaartInhoud? Inhoud, int? BasisVersie);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/trajecten", RegisterAanmeldingAsync)
            .WithTags("Casus").Access(Policies.Aanmelden)
            .WithSummary("Aanmelding: een nieuwe casus met zijn traject; de vrije tekst wordt op directe identificatie gecontroleerd.");

        var casus = api.MapGroup("/casus/{code}").WithTags("Casus");
        casus.MapGet("/", GetCasusAsync).Access(Policies.CasusWork, involvement: true)
            .WithSummary("De casus met traject, taken, maatregelen en netwerk.");
        casus.MapGet("/timeline", GetTimelineAsync).Access(Policies.CasusWork, involvement: true)
            .WithSummary("Het traject in woorden: aanmelding, afgeronde taken met hun uitkomst, routes, Stopknop, maatregelen, Veiligheidskaart.");
        casus.MapPost("/stopknop", StopknopAsync)
            .Access(Policies.CasusWork, involvement: true)
            .WithSummary("De Stopknop: pauzeert het traject, behalve de routes in doorlaten (standaard het contact in duo); iemand die niet bij de casus betrokken is beoordeelt (een voorzitter, of een RVT-lid als elke voorzitter betrokken is). Namens het gezin (namensGezin) met hun eigen woorden (gezinZegt).");

        casus.MapGet("/advies", GetAdviesVoorGezinAsync).Access(Policies.CasusWork, involvement: true)
            .WithSummary("Het advies van het RVT zoals het gezin het leest: het advies, de route in gewone woorden en wat het gezin zei (404 zolang er geen advies is).");
        casus.MapGet("/veiligheidskaart", GetVeiligheidskaartAsync).Access(Policies.CasusWork, involvement: true)
            .WithSummary("De huidige versie van de Veiligheidskaart.");
        casus.MapGet("/veiligheidskaart/versions", ListVeiligheidskaartVersionsAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("Alle versies, oudste eerst.");
        casus.MapGet("/veiligheidskaart/compare", CompareVeiligheidskaartAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("Wat er tussen twee versies veranderde.");
        casus.MapPut("/veiligheidskaart", SaveVeiligheidskaartAsync).WithBodySizeLimit(BodySizeLimit.LargeBytes)
            .Access(Policies.CasusWork, involvement: true)
            .WithSummary("Een nieuwe versie opslaan (basisVersie: de versie die u bewerkte; 409 als iemand u voor was).");

        casus.MapPost("/maatregelen", RegisterMaatregelAsync)
            .Access(Policies.Maatregel, involvement: true)
            .WithSummary("De beschikking registreren (jeugdbeschermer): OTS, voorlopige OTS of voogdij, eventueel met een machtiging uithuisplaatsing; de termijnen tellen vanaf de beschikking.");
        casus.MapPost("/maatregelen/verzoek-gi", RequestBeschikkingAsync)
            .Access(Policies.CasusWork, involvement: true)
            .WithSummary("De GI vragen een beschikking te registreren (taak voor de groep Jeugdbeschermer); een open verzoek wordt teruggegeven, niet verdubbeld.");
        casus.MapPost("/maatregelen/{id:guid}/machtigingen", RegisterMachtigingAsync)
            .Access(Policies.Maatregel, involvement: true)
            .WithSummary("Een later verleende machtiging uithuisplaatsing of spoedmachtiging binnen een lopende (voorlopige) OTS registreren (jeugdbeschermer).");
        casus.MapPost("/maatregelen/{id:guid}/end", EndMaatregelAsync)
            .Access(Policies.Maatregel, involvement: true)
            .WithSummary("Een maatregel beëindigen na een besluit van de GI of de kinderrechter, met een reden (jeugdbeschermer); alle termijnen vervallen.");

        casus.MapGet("/tafelvragen", ListTafelVragenAsync).Access(Policies.CasusWork, involvement: true)
            .WithSummary("De vragen die de tafel (voorzitter, leden, ervaringsdeskundigen) bij deze casus stelde, vóór en tijdens de bespreking.");
        casus.MapPost("/tafelvragen", AddTafelVraagAsync).Access(Policies.RvtTafel, involvement: true)
            .WithSummary("Een vraag voor de tafel stellen (vraag; geen namen of andere identificerende gegevens van het gezin).");
        casus.MapPost("/netwerk", AddNetwerkLidAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("Iemand uit het netwerk toevoegen, alleen met de rol (geen naam).");
        casus.MapDelete("/netwerk/{id:guid}", RemoveNetwerkLidAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("Iemand uit het netwerk verwijderen.");
    }

    private static async Task<Results<Created<AanmeldingCreated>, InvalidProblem>> RegisterAanmeldingAsync(CasusIntake intake, HttpContext http, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new RegisterAanmelding(intake, CurrentUser.From(http)), ct)).ToCreatedOr400(created => $"/api/casus/{created.CasusCode}");

    private static async Task<Results<Ok<CasusView>, ForbiddenProblem, NotFoundProblem>> GetCasusAsync(string code, HttpContext http, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new GetCasus(code, CurrentUser.From(http)), ct)).ToOkOr403Or404();

    private static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, ForbiddenProblem, NotFoundProblem>> GetTimelineAsync(string code, HttpContext http,
        IMediator m, CancellationToken ct) =>
        (await m.Send(new GetCasusTimeline(code, CurrentUser.From(http)), ct)).ToOkOr403Or404();

    private static async Task<Results<Ok<TrajectStatus>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> StopknopAsync(string code,
        StopknopInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new PressStopknop(code, body.Reden, CurrentUser.From(http), body.NamensGezin ?? false, body.GezinZegt, body.Doorlaten), ct))
            .ToOkOr400Or403Or404Or409();

    private static async Task<Results<Ok<IReadOnlyList<TafelVraagView>>, ForbiddenProblem, NotFoundProblem>> ListTafelVragenAsync(string code,
        HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ListTafelVragen(code, CurrentUser.From(http)), ct)).ToOkOr403Or404();

    private static async Task<Results<Created<TafelVraagView>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> AddTafelVraagAsync(
        string code, TafelVraagInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new AddTafelVraag(code, body, CurrentUser.From(http)), ct)).ToCreatedOr400Or403Or404Or409(_ => $"/api/casus/{code}/tafelvragen");

    private static async Task<Results<Ok<AdviesVoorGezinView>, ForbiddenProblem, NotFoundProblem>> GetAdviesVoorGezinAsync(string code,
        HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new GetAdviesVoorGezin(code, CurrentUser.From(http)), ct)).ToOkOr403Or404();

    private static async Task<Results<Ok<VeiligheidskaartView>, ForbiddenProblem, NotFoundProblem>> GetVeiligheidskaartAsync(string code, HttpContext http,
        IMediator m, CancellationToken ct) =>
        (await m.Send(new GetVeiligheidskaart(code, CurrentUser.From(http)), ct)).ToOkOr403Or404();

    private static async Task<Results<Ok<IReadOnlyList<VeiligheidskaartView>>, ForbiddenProblem, NotFoundProblem>> ListVeiligheidskaartVersionsAsync(
        string code, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ListVeiligheidskaartVersions(code, CurrentUser.From(http)), ct)).ToOkOr403Or404();

    private static async Task<Results<Ok<VerschilView>, InvalidProblem, ForbiddenProblem, NotFoundProblem>> CompareVeiligheidskaartAsync(string code,
        int van, int tot, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new CompareVeiligheidskaart(code, van, tot, CurrentUser.From(http)), ct)).ToOkOr400Or403Or404();

    private static async Task<Results<Created<VeiligheidskaartView>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>>
        SaveVeiligheidskaartAsync(string code, VeiligheidskaartInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new SaveVeiligheidskaart(code, body.Inhoud, body.BasisVersie, CurrentUser.From(http)), ct))
            .ToCreatedOr400Or403Or404Or409(_ => $"/api/casus/{code}/veiligheidskaart");

    // 409: the casus is closed or its content purged.
    private static async Task<Results<Created<Maatregel>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> RegisterMaatregelAsync(
        string code, MaatregelInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new RegisterMaatregel(code, body, CurrentUser.From(http)), ct)).ToCreatedOr400Or403Or404Or409(_ => $"/api/casus/{code}");

    private static async Task<Results<Ok<BeschikkingVerzoek>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> RequestBeschikkingAsync(
        string code, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new RequestBeschikking(code, CurrentUser.From(http)), ct)).ToOkOr400Or403Or404Or409();

    private static async Task<Results<Ok<Maatregel>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> RegisterMachtigingAsync(
        string code, Guid id, MachtigingInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new RegisterMachtiging(code, id, body, CurrentUser.From(http)), ct)).ToOkOr400Or403Or404Or409();

    private static async Task<Results<Ok<Maatregel>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> EndMaatregelAsync(
        string code, Guid id, RedenInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new EndMaatregel(code, id, body.Reden, CurrentUser.From(http)), ct)).ToOkOr400Or403Or404Or409();

    private static async Task<Results<Created<NetwerkLid>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> AddNetwerkLidAsync(
        string code, NetwerkInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new AddNetwerkLid(code, body, CurrentUser.From(http)), ct)).ToCreatedOr400Or403Or404Or409(_ => $"/api/casus/{code}");

    private static async Task<Results<Ok<NetwerkLid>, ForbiddenProblem, NotFoundProblem>> RemoveNetwerkLidAsync(string code, Guid id, HttpContext http,
        IMediator m, CancellationToken ct) =>
        (await m.Send(new RemoveNetwerkLid(code, id, CurrentUser.From(http)), ct)).ToOkOr403Or404();
}
