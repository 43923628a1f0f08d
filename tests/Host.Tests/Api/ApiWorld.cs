using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// A host with two casus brought in by prof1, driven through the API as people would: casus
/// <see cref="OnTable"/> was triaged to bespreking (so RVT members see it; prof1 has the preparation
/// task) and has a Veiligheidskaart; casus <see cref="NotOnTable"/> still waits for triage by the chair.
/// </summary>
public sealed class ApiWorld : IAsyncLifetime
{
    public ApiHost Host { get; } = new();
    public string OnTable { get; private set; } = "";
    public string NotOnTable { get; private set; } = "";
    public Guid OnTableInstance { get; private set; }
    /// <summary>Assigned to prof1: preparing the bespreking of <see cref="OnTable"/>.</summary>
    public Guid ProfTask { get; private set; }
    /// <summary>Unassigned, for group RvtChair: the triage of <see cref="NotOnTable"/>.</summary>
    public Guid ChairTask { get; private set; }

    public static readonly object Intake = new
    {
        organisatie = "CJG", hulpvraag = "Zorgen om de veiligheid thuis; het gezin vraagt zelf om hulp.",
        huishouden = "GezinMetKinderen", onveiligheid = "Structureel", gezinWeetVanAanmelding = true,
    };

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        using var prof1 = await Host.AsAsync("prof1");
        using var chair = await Host.AsAsync("voorzitter");
        var first = await (await Ok(prof1.PostAsJsonAsync("/api/trajecten", Intake))).ReadJsonAsync();
        OnTable = first.GetProperty("casusCode").GetString()!;
        OnTableInstance = first.GetProperty("instanceId").GetGuid();
        NotOnTable = (await (await Ok(prof1.PostAsJsonAsync("/api/trajecten", Intake))).ReadJsonAsync()).GetProperty("casusCode").GetString()!;

        var triage = await TaskOfAsync(chair, "/api/tasks/team", OnTable);
        await Ok(chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Bespreking", data = new { tafeldatum = DaysAhead(3) } }));
        ProfTask = await TaskOfAsync(prof1, "/api/tasks/mine", OnTable);
        ChairTask = await TaskOfAsync(chair, "/api/tasks/team", NotOnTable);
        await Ok(prof1.PutAsJsonAsync($"/api/casus/{OnTable}/veiligheidskaart",
            new { basisVersie = 0, inhoud = new { zorgen = new[] { "Spanningen thuis" }, krachten = new[] { "Oma helpt" } } }));
    }

    /// <summary>
    /// A date <paramref name="days"/> ahead of today in Amsterdam ("yyyy-MM-dd"), for date fields answered on the wall clock: a
    /// fixed date would, two years on, be refused as a likely birth date (IdentifierFormRule).
    /// </summary>
    public static string DaysAhead(int days) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Workflows.Scheduling.DutchCalendar.Amsterdam).DateTime)
            .AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An aanmelding through the API by the signed-in professional; returns the new casus code.</summary>
    public static async Task<string> RegisterIntakeAsync(HttpClient professional) =>
        (await (await Ok(professional.PostAsJsonAsync("/api/trajecten", Intake))).ReadJsonAsync()).GetProperty("casusCode").GetString()!;

    public static async Task<Guid> TaskOfAsync(HttpClient client, string list, string casus)
    {
        var tasks = await (await Ok(client.GetAsync($"{list}?casus={casus}"))).ReadJsonAsync();
        return tasks.EnumerateArray().First().GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}
