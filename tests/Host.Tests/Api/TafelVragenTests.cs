using System.Net;
using System.Net.Http.Json;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// What the table leaves behind: the inbrenger's question, the questions the people at the table put before and during the
/// bespreking, and in the chair's advies the critical questions, dissent, the risk accepted and the check-in with the inbrenger.
/// </summary>
public sealed class TafelVragenTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task TheTable_PutsQuestionsTheInbrengerReads_AndTheAdviesRecordsWhatTheTableWeighed()
    {
        var prof1 = await host.AsAsync("prof1");
        var chair = await host.AsAsync("voorzitter");
        var lid = await host.AsAsync("rvtlid");
        var ervaringsdeskundige = await host.AsAsync("ervaringsdeskundige");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        var elsewhere = await ApiWorld.RegisterIntakeAsync(prof1);
        var triage = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);
        Assert.True((await chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Bespreking", data = new { tafeldatum = ApiWorld.DaysAhead(10) } })).IsSuccessStatusCode);

        // Before the table: a member and an ervaringsdeskundige put questions; a bad one is refused by field, nothing stored.
        Assert.Equal(HttpStatusCode.Created, (await lid.PostAsJsonAsync($"/api/casus/{code}/tafelvragen", new { vraag = "Wat doet het netwerk nu al?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ervaringsdeskundige.PostAsJsonAsync($"/api/casus/{code}/tafelvragen",
            new { vraag = "Is er met de ouders gesproken over wat zij zelf willen?" })).StatusCode);
        var invalid = await lid.PostAsJsonAsync($"/api/casus/{code}/tafelvragen", new { vraag = "Mailt moeder via ouder@example.org?" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.ReadJsonAsync()).GetProperty("errors").TryGetProperty("vraag", out _));
        // The inbrenger reads them but does not put them; a member cannot reach a casus that is not on the table.
        Assert.Equal(HttpStatusCode.Forbidden, (await prof1.PostAsJsonAsync($"/api/casus/{code}/tafelvragen", new { vraag = "Mag ik ook?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lid.PostAsJsonAsync($"/api/casus/{elsewhere}/tafelvragen", new { vraag = "Wat speelt hier?" })).StatusCode);
        var vragen = (await (await prof1.GetAsync($"/api/casus/{code}/tafelvragen")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal([("Wat doet het netwerk nu al?", "rvtlid"), ("Is er met de ouders gesproken over wat zij zelf willen?", "ervaringsdeskundige")],
            vragen.Select(v => (v.GetProperty("vraag").GetString(), v.GetProperty("gesteldDoor").GetString())));

        // The inbrenger prepares with a question; the chair's advies task opens with it.
        var voorbereiden = await ApiWorld.TaskOfAsync(prof1, "/api/tasks/mine", code);
        Assert.True((await prof1.PostAsJsonAsync($"/api/tasks/{voorbereiden}/complete",
            new { outcome = "Voorbereid", data = new { inbrengVraag = "Is een netwerkberaad genoeg, of is meer nodig?" } })).IsSuccessStatusCode);
        var advies = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);
        var adviesTask = await (await chair.GetAsync($"/api/tasks/{advies}")).ReadJsonAsync();
        Assert.StartsWith("Vraag van de inbrenger: Is een netwerkberaad genoeg, of is meer nodig?", adviesTask.GetProperty("description").GetString());
        Assert.True((await chair.PostAsJsonAsync($"/api/tasks/{advies}/complete", new
        {
            outcome = "Netwerkberaad",
            data = new
            {
                advies = "Netwerkberaad, met de school erbij.",
                kritischeVragen = "Wat als oma het niet volhoudt? Alternatief: duo met een ervaringsdeskundige.",
                tegengeluid = "Een lid vond een gesprek met de Raad eerder nodig.",
                risico = "Weekenden zonder toezicht, zolang oma bijspringt.",
                checkInInbrenger = "Zwaar, steun van een collega gevraagd.",
            },
        })).IsSuccessStatusCode);

        var aanmelding = (await host.Service<IWorkflowStore>().FindInstancesByCorrelationAsync(code)).Single(i => i.DefinitionId == "rvt-aanmelding");
        var recorded = (IReadOnlyDictionary<string, object?>)aanmelding.Variables["advies"]!;
        Assert.Equal("Een lid vond een gesprek met de Raad eerder nodig.", recorded["tegengeluid"]);
        Assert.Equal("Weekenden zonder toezicht, zolang oma bijspringt.", recorded["risico"]);
        var lines = await host.Service<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code, Take: 500));
        Assert.Equal(2, lines.Count(l => l.EventCode == "tafelvraag.create" && l.Outcome == AuditOutcome.Success));
        Assert.Contains(lines, l => l.Outcome == AuditOutcome.Refused && l.UserId == "prof1" && l.Detail!.Contains("/tafelvragen", StringComparison.Ordinal));
    }
}
