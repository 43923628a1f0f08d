using System.Text;

namespace ProcessEngine.Reliability.Tests.BadInput;

/// <summary>
/// Malformed requests across the API surface from a fixed seed (the same list on every run), each sent as
/// a caller who may call that endpoint, as one who may not, or anonymously. Every request is built so that
/// it cannot succeed: outcomes that a task does not have, required fields missing or of the wrong type,
/// unknown ids, texts over their limit, broken JSON, flow files that do not compile, drafts without a
/// matching id, wrong content types. A request that changed the database would therefore be a defect.
/// </summary>
public sealed class BadRequestGenerator(KnownIds known, int seed)
{
    public static readonly string[] Callers = ["anonymous", "prof1", "prof2", "voorzitter", "rvtlid", "coordinator", "manager", "beheerder"];

    /// <summary>1 MB of text: over every field's limit and at the flow file limit.</summary>
    private static readonly string Huge = new('x', 1_000_000);

    private readonly Random _random = new(seed);
    private int _number;

    public IEnumerable<BadRequest> Generate(int count)
    {
        var makers = Makers();
        for (var i = 0; i < count; i++) yield return makers[_random.Next(makers.Length)]();
    }

    private Func<BadRequest>[] Makers() =>
    [
        () => Post("/api/auth/login", Pick(LoginBodies)),
        () => Get(Pick(["/api/tasks/mine", "/api/tasks/team"]) + Pick(["?take=abc", "?skip=-5&take=0", "?take=99999999999", "?casus=" + Uri.EscapeDataString(Garbage()), "?skip=x"])),
        () => Get($"/api/tasks/{TaskId()}"),
        () => Post($"/api/tasks/{UnknownGuid()}/{Pick(["claim", "release"])}", null),
        () => Post($"/api/tasks/{Pick(["not-a-guid", "123", "%00", UnknownGuid().ToString()[..30]])}/claim", null),
        () => Post($"/api/tasks/{TaskId()}/complete", Pick(CompleteBodies()), Pick(JsonLikeTypes())),
        () => Post($"/api/tasks/{TaskId()}/reassign", Pick(ReassignBodies()), Pick(JsonLikeTypes())),
        () => Post("/api/trajecten", Pick(IntakeBodies), Pick(JsonLikeTypes())),
        () => Get($"/api/casus/{CasusCode()}{Pick(["", "/timeline", "/veiligheidskaart", "/veiligheidskaart/versions"])}"),
        () => Get($"/api/casus/{CasusCode()}/veiligheidskaart/compare{Pick(["", "?van=a&tot=b", "?van=-1&tot=99999", "?van=1"])}"),
        () => Put($"/api/casus/{CasusCode()}/veiligheidskaart", Pick(KaartBodies), Pick(JsonLikeTypes())),
        () => Post($"/api/casus/{CasusCode()}/stopknop", Pick(RedenBodies), Pick(JsonLikeTypes())),
        () => Post($"/api/casus/{CasusCode()}/maatregelen", Pick(MaatregelBodies), Pick(JsonLikeTypes())),
        () => Post($"/api/casus/{CasusCode()}/maatregelen/{Pick([UnknownGuid().ToString(), "x"])}/end", Pick(RedenBodies), Pick(JsonLikeTypes())),
        () => Post($"/api/casus/{CasusCode()}/netwerk", Pick(NetwerkBodies), Pick(JsonLikeTypes())),
        () => Delete($"/api/casus/{CasusCode()}/netwerk/{Pick([UnknownGuid().ToString(), "nope"])}"),
        () => Get("/api/rvt/agenda" + Pick(["", "?x=" + Uri.EscapeDataString(Garbage())])),
        () => Get($"/api/flows/{FlowId()}{Pick(["", "?version=-1", "?version=abc", "?version=99999", "/versions", "/export?version=0", "/compare?van=x&tot=1", "/compare?van=99&tot=-3", "/compare"])}"),
        () => Post("/api/flows/import", Pick(FlowBodies()), Pick(AnyTypes())),
        () => Put($"/api/flows/{Pick([known.FlowId, "onbekend-" + _random.Next(1000)])}/draft", Pick(DraftBodies()), Pick(AnyTypes())),
        () => Post($"/api/flows/{Pick(["onbekend-" + _random.Next(1000), Uri.EscapeDataString(Garbage()), "%20"])}/publish-request{Pick(["", "/approve", "/reject"])}",
            Pick(RedenBodies), Pick(JsonLikeTypes())),
        () => Get($"/api/instances/{Pick([UnknownGuid().ToString(), "zz", "0"])}"),
        () => Post($"/api/instances/{UnknownGuid()}/{Pick(["cancel", "retry"])}", null),
        () => Post("/api/instances/retry", Pick(RetryBodies), Pick(JsonLikeTypes())),
        () => Get("/api/reports/" + Pick(["half-year-figures", "half-year-figures?jaar=abc", "half-year-figures?jaar=-99999", "half-year-figures.csv?jaar=",
            "overdue?skip=-1&take=abc", "overdue?zonderTeam=misschien", "stuck?dagen=abc", "stuck?dagen=-5&take=0",
            "lead-times?maanden=abc", "lead-times?maanden=-12", "lead-times?maanden=100000", "incidents?skip=x"])),
        () => Get("/api/audit?" + Pick(["van=gisteren", "tot=2026-13-45", "voor=abc", "casus=" + Uri.EscapeDataString(Garbage()), "van=9999-12-31T23:59:59Z&tot=0001-01-01"])),
    ];

    private static readonly string[] LoginBodies =
        ["{", "{}", """{"userName":5,"password":[]}""", """{"userName":"","password":""}""",
         $$"""{"userName":"{{Huge[..100_000]}}","password":"x"}""", """{"userName":"bestaat-niet","password":"fout"}""", "null", "[]"];

    private string[] CompleteBodies() => [.. StaticCompleteBodies, $$$"""{"outcome":"{{{Garbage()}}}","data":{"a":1}}"""];

    private static readonly string[] StaticCompleteBodies =
        ["{", "", "null", "[]", "{}", """{"data":{}}""", """{"outcome":5}""", """{"outcome":["Klaar"]}""", """{"outcome":"Bestaat niet","data":{}}""",
         """{"outcome":"Bestaat niet","data":"tekst"}""", """{"outcome":null,"data":{"tafeldatum":"morgen"}}""",
         $$"""{"outcome":"{{Huge}}"}""", $$$"""{"outcome":"X","data":{"veld":"{{{Huge}}}"}}""", Nested(5_000), "{\"outcome\":\"\\uDC00\"}"];

    private string[] ReassignBodies() => [.. StaticReassignBodies, $$"""{"assignee":"onbekende-{{_random.Next(100_000)}}"}"""];

    private static readonly string[] StaticReassignBodies = ["{", "{}", """{"assignee":5}""", """{"assignee":""}""", $$"""{"assignee":"{{Huge}}"}""", "[1,2]"];

    private static readonly string[] IntakeBodies =
        ["{", "{}", """{"hulpvraag":"Zorgen","huishouden":"GezinMetKinderen"}""",
         """{"organisatie":"CJG","hulpvraag":"Zorgen","huishouden":5,"onveiligheid":"Structureel"}""",
         """{"organisatie":"CJG","hulpvraag":"Zorgen","huishouden":"Onbekend","onveiligheid":"Structureel"}""",
         """{"organisatie":"CJG","hulpvraag":"Zorgen","huishouden":"GezinMetKinderen","onveiligheid":7}""",
         """{"organisatie":"CJG","hulpvraag":"Zorgen","huishouden":"GezinMetKinderen","onveiligheid":"Structureel","gezinWeetVanAanmelding":"ja"}""",
         $$"""{"organisatie":"CJG","hulpvraag":"{{Huge}}","huishouden":"GezinMetKinderen","onveiligheid":"Acuut"}""",
         """{"organisatie":"CJG","hulpvraag":"Jan Jansen, BSN 111222333, woont op Dorpsstraat 1","huishouden":"GezinMetKinderen","onveiligheid":"Acuut"}""",
         """{"organisatie":null,"hulpvraag":null,"huishouden":null,"onveiligheid":null}""", Nested(200), "\"string\""];

    private static readonly string[] KaartBodies =
        ["{", "{}", """{"basisVersie":"x","inhoud":{}}""", """{"basisVersie":0,"inhoud":[]}""", """{"basisVersie":0,"inhoud":{"zorgen":5}}""",
         """{"basisVersie":-1}""", """{"basisVersie":999,"inhoud":{"zorgen":["Zorg"]}}""",
         $$$"""{"basisVersie":0,"inhoud":{"zorgen":["{{{Huge}}}"]}}""", """{"basisVersie":0,"inhoud":{"volgendeEvaluatie":"nooit"}}"""];

    private static readonly string[] RedenBodies =
        ["{", "{}", """{"reden":""}""", """{"reden":"   "}""", """{"reden":42}""", """{"reden":{"a":1}}""", $$"""{"reden":"{{Huge}}"}""",
         """{"reden":"Moeder Anna de Vries (BSN 123456782) belde"}"""];

    private static readonly string[] MaatregelBodies =
        ["{", "{}", """{"type":"Onbekend","startDatum":"2026-01-01"}""", """{"type":5}""", """{"type":"Ots","startDatum":"1 januari"}""",
         """{"type":"Ots","startDatum":20260101}""", """{"startDatum":"2026-01-01","eindDatum":"2027-01-01"}""",
         """{"type":"Ots","startDatum":"2026-13-40","eindDatum":"2027-01-01"}""", """{"type":9,"startDatum":"2026-01-01","eindDatum":"2026-06-01"}"""];

    private static readonly string[] NetwerkBodies =
        ["{", "{}", """{"rol":"","soort":"Informeel"}""", """{"rol":"Oma","soort":"Misschien"}""", """{"rol":5,"soort":1}""",
         $$"""{"rol":"{{Huge}}","soort":"Formeel"}""", """{"rol":"Buurvrouw Petra Jansen, 06-12345678","soort":"Informeel"}""", """{"soort":"Formeel"}""", """{"rol":"Oma","soort":7}"""];

    private static readonly string[] RetryBodies = ["{", "{}", """{"instanties":"alle"}""", """{"instanties":["geen-guid"]}""", """{"instanties":[5]}""", "[]"];

    /// <summary>Valid JSON that is not a valid flow, and text that is not JSON: an import must store none of it.</summary>
    private string[] FlowBodies() => [.. StaticFlowBodies, Garbage()];

    private static readonly string[] StaticFlowBodies =
        ["{", "", "null", "{}", """{"id":"kapot"}""", """{"id":"kapot","activities":[]}""",
         """{"id":"kapot","activities":[{"id":"a","type":"BestaatNiet"}],"connections":[]}""",
         """{"id":"kapot","activities":[{"id":"a","type":"HumanTask","inputs":{"title":"T","outcomes":["Klaar"]}}],"connections":[{"source":"a","outcome":"Klaar","target":"nergens"}]}""",
         """{"id":"kapot","activities":[{"id":"a","type":"Delay","inputs":{"duration":"binnenkort"}},{"id":"a","type":"End"}],"connections":[]}""",
         """{"id":"kapot","activities":[{"id":"a","type":"Decision","inputs":{"condition":{"expression":"((("}}}],"connections":[]}""",
         """{"id":5,"activities":"geen lijst"}""", $$"""{"id":"kapot","name":"{{Huge}}"}""", Nested(10_000)];

    /// <summary>Drafts may hold errors, so only bodies without a usable id, or with another id than the URL's, are malformed.</summary>
    private string[] DraftBodies() => [.. StaticDraftBodies, Garbage()];

    private static readonly string[] StaticDraftBodies =
        ["{", "", "null", "{}", """{"id":""}""", """{"id":5}""", """{"id":null,"activities":[]}""", """{"id":"een-andere-flow","activities":[]}""",
         """{"name":"zonder id","activities":[{"id":"a","type":"End"}]}""", Nested(10_000), "[\"id\"]"];

    private static string?[] JsonLikeTypes() => ["application/json", "application/json", "application/json", "text/plain", "application/xml",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null, "application/json; charset=latin1"];

    private static string?[] AnyTypes() => ["application/json", "text/plain", null, "application/octet-stream", "image/png"];

    private Guid UnknownGuid() => new(Enumerable.Range(0, 16).Select(_ => (byte)_random.Next(256)).ToArray());

    /// <summary>A real task (the chair's triage) or an unknown one: refused for most callers, and for the chair the body is wrong.</summary>
    private string TaskId() => _random.Next(3) == 0 ? UnknownGuid().ToString() : known.ChairTask.ToString();

    private string CasusCode() => _random.Next(4) switch
    {
        0 => known.CasusCode,
        1 => "RVT-" + _random.Next(100_000),
        2 => Uri.EscapeDataString(Garbage()),
        _ => new string('Z', 2_000),
    };

    private string FlowId() => _random.Next(3) == 0 ? known.FlowId : Uri.EscapeDataString(Garbage());

    /// <summary>Printable and unprintable characters, quotes and brackets: text no endpoint expects.</summary>
    private string Garbage()
    {
        var text = new StringBuilder();
        for (var i = _random.Next(1, 40); i > 0; i--) text.Append((char)_random.Next(1, 0x3000));
        return text.ToString();
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private T Pick<T>(T[] options) => options[_random.Next(options.Length)];

    /// <summary>Three in four requests come from a caller the endpoint admits, so most reach its validation, not only its access check.</summary>
    private string Caller(string path) => _random.Next(4) == 0 ? Callers[_random.Next(Callers.Length)] : Pick(Admitted(path));

    /// <summary>Who may call what (README, "The API"): by the path's area.</summary>
    private static string[] Admitted(string path) => path.Split('/', '?')[2] switch
    {
        "tasks" or "casus" => ["prof1", "prof2", "voorzitter", "rvtlid"],
        "trajecten" => ["prof1", "prof2"],
        "rvt" => ["voorzitter", "rvtlid"],
        "flows" => ["coordinator", "beheerder"],
        "instances" => ["coordinator", "manager", "beheerder"],
        "rapportages" => path.Contains("incidenten", StringComparison.Ordinal) ? ["coordinator", "manager", "beheerder"] : ["manager", "voorzitter"],
        "audit" => ["beheerder"],
        _ => Callers,
    };

    private BadRequest Get(string path) => new(++_number, Caller(path), "GET", path, null, null);
    private BadRequest Delete(string path) => new(++_number, Caller(path), "DELETE", path, null, null);
    private BadRequest Post(string path, string? body, string? type = "application/json") => new(++_number, Caller(path), "POST", path, body is null ? null : type, body);
    private BadRequest Put(string path, string? body, string? type = "application/json") => new(++_number, Caller(path), "PUT", path, body is null ? null : type, body);
}
