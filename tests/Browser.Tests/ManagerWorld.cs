using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// A host on a clock the fixture moves, with what a manager looks for, all made through the product: prof1 brought
/// a casus in two weeks ago (through the API) whose triage nobody picked up, so it is overdue and stuck (the
/// triage's norm is 7 days); and two flows a coordinator imported fault when they start: one calls a subflow that is
/// not published yet (resolved once the coordinator publishes it), one has a decision that chooses an outcome it
/// does not have (fails again on every retry).
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

    // Two weeks back, so that after the move the host's time is about the browser's: what the host dates is then
    // read by Chromium as now, not as long ago.
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow - Waited);

    public BrowserWorld Browser { get; }

    /// <summary>The casus whose triage waits for the chair, two weeks now.</summary>
    public string WaitingCasus { get; private set; } = "";

    public ManagerWorld() => Browser = new BrowserWorld(new KestrelHost { Clock = Clock });

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        using (var prof1 = await ApiAsync("prof1"))
            WaitingCasus = await AanmeldenAsync(prof1, "GezinMetKinderen");
        using (var coordinator = await ApiAsync("coordinator"))
        {
            await ImportAsync(coordinator, CallerJson);
            await ImportAsync(coordinator, DecisionJson);
        }
        var runtime = Browser.Host.Services.GetRequiredService<WorkflowRuntime>();
        Assert.Equal(WorkflowStatus.Faulted, (await runtime.StartAsync(CallsMissingSubflow)).Status);
        Assert.Equal(WorkflowStatus.Faulted, (await runtime.StartAsync(ChoosesNoOutcome)).Status);
        Clock.Advance(Waited);
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
    public static async Task<string> AanmeldenAsync(HttpClient professional, string huishouden)
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

    public static async Task ImportAsync(HttpClient coordinator, string json)
    {
        var response = await coordinator.PostAsync("/api/flows/import", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync() => Browser.DisposeAsync();
}
