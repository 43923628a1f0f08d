using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// A host on a clock the fixture moves, with what a manager looks for, all made through the product (the REST API
/// as prof1, the chair and a coordinator would use it): thirteen aanmeldingen that reached their advies in three
/// different months (5, 5 and 3: the last month's lead time is hidden, "&lt;5"); a casus prof1 brought in two weeks
/// ago whose triage nobody picked up, so it is overdue and stuck (the triage's norm is 7 days); and two flows a
/// coordinator imported that fault when they start: one calls a subflow that is not published yet (resolved once
/// the coordinator publishes it), one has a decision that chooses an outcome it does not have (fails on every retry).
/// </summary>
public sealed class ManagerWorld : IAsyncLifetime
{
    public const string CallsMissingSubflow = "koppeling-registratie";
    public const string MissingSubflow = "registratie-verwerken";
    public const string ChoosesNoOutcome = "keuze-zonder-uitgang";

    public const string MissingSubflowJson = """
        { "id": "registratie-verwerken", "name": "Registratie verwerken",
          "activities": [ { "id": "verwerken", "type": "SetVariable", "inputs": { "variable": "verwerkt", "value": true } } ] }
        """;

    private const string CallerJson = """
        { "id": "koppeling-registratie", "name": "Koppeling registratie",
          "activities": [ { "id": "registreren", "type": "RunSubflow", "inputs": { "flow": "registratie-verwerken" } } ] }
        """;

    private const string DecisionJson = """
        { "id": "keuze-zonder-uitgang", "name": "Keuze zonder uitgang",
          "activities": [ { "id": "kiezen", "type": "Decision", "inputs": { "outcome": { "expression": "'Anders'" }, "outcomes": ["Ja", "Nee"] } } ] }
        """;

    public static readonly TimeSpan Waited = TimeSpan.FromDays(14);

    /// <summary>
    /// Starts 80 days back and ends at about the browser's time, so that what the host dates (sign-in cookies) is
    /// read by Chromium as now, not as long ago.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow - TimeSpan.FromDays(80));

    public BrowserWorld Browser { get; }

    /// <summary>The casus whose triage waits for the chair, two weeks now.</summary>
    public string WaitingCasus { get; private set; } = "";

    public ManagerWorld() => Browser = new BrowserWorld(new KestrelHost { Clock = Clock });

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        // Day -80: five aanmeldingen a day apart, all advised on day -68 (lead times 12 to 8 days).
        await AdvisedAsync(await BroughtInAsync(5), after: TimeSpan.FromDays(8));
        // Day -41: five more, advised on day -35 (6 to 2 days): another month, as more than 31 days passed.
        Clock.Advance(TimeSpan.FromDays(27));
        var second = await BroughtInAsync(5);
        await AdvisedAsync(second, after: TimeSpan.FromDays(2));
        // Day -24: three, advised today (24 to 22 days): too few to show that month's lead time.
        Clock.Advance(TimeSpan.FromDays(11));
        var third = await BroughtInAsync(3);
        Clock.Advance(TimeSpan.FromDays(8));
        // Day -14: the casus that waits, and the faults.
        using (var prof1 = await ApiAsync("prof1"))
            WaitingCasus = await RegisterIntakeAsync(prof1, "GezinMetKinderen");
        using (var coordinator = await ApiAsync("coordinator"))
        using (var approver = await ApiAsync(FlowPublishing.Approver))
        {
            await FlowPublishing.ImportPublishedAsync(coordinator, approver, CallerJson);
            await FlowPublishing.ImportPublishedAsync(coordinator, approver, DecisionJson);
        }
        await FaultAsync(CallsMissingSubflow);
        await FaultAsync(ChoosesNoOutcome);
        Clock.Advance(Waited);
        await AdvisedAsync(third, after: TimeSpan.Zero);
    }

    /// <summary>Starts one of the faulting flows through the engine, as a trigger would: a new incident.</summary>
    public async Task FaultAsync(string flow)
    {
        var started = await Browser.Host.Services.GetRequiredService<WorkflowRuntime>().StartAsync(flow);
        Assert.Equal(WorkflowStatus.Faulted, started.Status);
    }

    /// <summary>Aanmeldingen by prof1 a day apart; the clock ends on the last one's day.</summary>
    private async Task<List<string>> BroughtInAsync(int count)
    {
        var codes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            if (i > 0) Clock.Advance(TimeSpan.FromDays(1));
            using var prof1 = await ApiAsync("prof1");
            codes.Add(await RegisterIntakeAsync(prof1, "GezinMetKinderen"));
        }
        return codes;
    }

    /// <summary>After <paramref name="after"/>, the chair triages each casus to Consultatie &amp; Advies and records an advies.</summary>
    private async Task AdvisedAsync(IEnumerable<string> codes, TimeSpan after)
    {
        Clock.Advance(after);
        using var chair = await ApiAsync("voorzitter");
        foreach (var code in codes)
        {
            await CompleteAsync(chair, code, new { outcome = "Consultatie & Advies" });
            await CompleteAsync(chair, code, new { outcome = "Advies zonder vervolgroute", data = new { advies = "Het netwerk betrekken bij de afspraken." } });
        }
    }

    private static async Task CompleteAsync(HttpClient chair, string code, object completion)
    {
        using var tasks = JsonDocument.Parse(await chair.GetStringAsync($"/api/tasks/team?casus={code}"));
        var task = tasks.RootElement.EnumerateArray().First().GetProperty("id").GetGuid();
        var response = await chair.PostAsJsonAsync($"/api/tasks/{task}/complete", completion);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A client of the REST API signed in as <paramref name="userName"/> with a bearer token (no cookies to age).</summary>
    public async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = Browser.BaseAddress };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = BrowserWorld.Password });
        login.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>An aanmelding as a professional makes it; returns the new casus code.</summary>
    public static async Task<string> RegisterIntakeAsync(HttpClient professional, string huishouden)
    {
        var response = await professional.PostAsJsonAsync("/api/trajecten", new
        {
            organisatie = "CJG", hulpvraag = "Zorgen om de veiligheid thuis; het gezin vraagt zelf om hulp.",
            huishouden, onveiligheid = "Structureel", gezinWeetVanAanmelding = true,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("casusCode").GetString()!;
    }

    public Task DisposeAsync() => Browser.DisposeAsync();
}
