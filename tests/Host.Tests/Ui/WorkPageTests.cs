using System.Net;
using System.Net.Http.Json;
using ProcessEngine.Host.Tests.Api;
using Mediator;
using ProcessEngine.Host.Features.Casus;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Ui;

/// <summary>
/// The professionals' screens as the server first renders them (no JavaScript): what each person sees of the
/// API world's two casus, what someone not involved is refused, and the audit lines those looks leave.
/// </summary>
public sealed class WorkPageTests(UiWorld world) : IClassFixture<UiWorld>
{
    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(string casus, string user) =>
        await world.Host.Service<AuditLog>().SearchAsync(new AuditQuery(CasusCode: casus, UserId: user, Take: 200));

    [Fact]
    public async Task Inbox_ShowsMyTaskWithItsRoute_AndFiltersByCasus()
    {
        var prof1 = await world.AsAsync("prof1");

        var all = await prof1.GetAsync("/inbox");
        var other = await prof1.GetAsync($"/inbox?casus={world.Api.NotOnTable}");

        Assert.Contains($"Bespreking aan de RVT-tafel voorbereiden {world.Api.OnTable} Aanmelding en advies", all.Text);
        Assert.Contains($"href=\"/taken/{world.Api.ProfTask}\"", all.Html);
        Assert.DoesNotContain("Bespreking aan de RVT-tafel voorbereiden", other.Text);
        Assert.Contains("U hebt geen open taken (met dit filter).", other.Text);
    }

    [Fact]
    public async Task TaskPage_ShowsTheStepsFieldsAndOutcomes_ToItsHolder_AndRefusesSomeoneElse()
    {
        var chair = await world.AsAsync("voorzitter");
        var prof2 = await world.AsAsync("prof2");

        var triage = await chair.GetAsync($"/taken/{world.Api.ChairTask}");
        var refused = await prof2.GetAsync($"/taken/{world.Api.ChairTask}");

        Assert.Equal(HttpStatusCode.OK, triage.Status);
        Assert.Contains("Triage nieuwe aanmelding", triage.Text);
        Assert.Contains("id=\"veld-tafeldatum\"", triage.Html);
        Assert.Contains("type=\"date\"", triage.Html);
        Assert.Contains("data-outcome=\"Consultatie &amp; Advies\"", triage.Html);
        Assert.Contains("data-outcome=\"Bespreking\"", triage.Html);
        Assert.Contains("Deze taak staat open voor Voorzitter RVT", triage.Text);
        Assert.Contains("Geen toegang Deze taak is niet voor u.", refused.Text);
        Assert.DoesNotContain("veld-tafeldatum", refused.Html);
    }

    [Fact]
    public async Task CasusPage_TellsTheStoryToTheInbrenger_AndAuditsEachRead()
    {
        var prof1 = await world.AsAsync("prof1");

        var page = await prof1.GetAsync($"/casus/{world.Api.OnTable}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Casus {world.Api.OnTable} traject lopend", page.Text);
        Assert.Contains("Zorgen om de veiligheid thuis; het gezin vraagt zelf om hulp.", page.Text);
        Assert.Contains("Triage: Bespreking", page.Text);
        Assert.Contains("Gestart: Aanmelding, triage en advies", page.Text);
        Assert.Contains("Bespreking aan de RVT-tafel voorbereiden · prof1", page.Text);
        Assert.Contains("Versie 1, opgeslagen door prof1", page.Text);
        Assert.Contains("Waar maken we ons zorgen over? Spanningen thuis", page.Text);
        Assert.Contains("Geen maatregel", page.Text);
        Assert.Contains("data-action=\"stopknop\"", page.Html);
        var events = (await AuditAsync(world.Api.OnTable, "prof1")).Select(e => e.EventCode).ToList();
        Assert.Contains("casus.read", events);
        Assert.Contains("casus.timeline", events);
        Assert.Contains("veiligheidskaart.history", events);
    }

    [Fact]
    public async Task CasusPage_ForSomeoneNotInvolved_IsGeenToegang_ShowsNothing_AndIsAuditedAsRefused()
    {
        var prof2 = await world.AsAsync("prof2");

        var page = await prof2.GetAsync($"/casus/{world.Api.OnTable}");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Geen toegang U bent niet betrokken bij deze casus.", page.Text);
        Assert.DoesNotContain("Zorgen om de veiligheid thuis", page.Text);
        Assert.DoesNotContain("Spanningen thuis", page.Text);
        var refused = Assert.Single(await AuditAsync(world.Api.OnTable, "prof2"), e => e.EventCode == "casus.read");
        Assert.Equal(AuditOutcome.Refused, refused.Outcome);
    }

    [Fact]
    public async Task RvtTafel_ShowsTheChairTheTriageQueue_AndAMemberTheAgendaByTableDate()
    {
        var chair = await world.AsAsync("voorzitter");
        var member = await world.AsAsync("rvtlid");

        var chairs = await chair.GetAsync("/rvt");
        var members = await member.GetAsync("/rvt");

        Assert.Contains($"Triage nieuwe aanmelding {world.Api.NotOnTable}", chairs.Text);
        // The table date the fixture's triage chose (three days ahead, Amsterdam's today), as the page writes it.
        Assert.Contains(Components.DutchTime.Date(DateOnly.ParseExact(ApiWorld.DaysAhead(3), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            members.Text);
        Assert.Contains($"Casus {world.Api.OnTable} · voorbereiding door de inbrenger", members.Text);
        Assert.DoesNotContain("Triage: nieuwe aanmeldingen", members.Text);
        Assert.DoesNotContain(world.Api.NotOnTable, members.Text);
    }

    [Fact]
    public async Task PrintView_IsThePlainDutchCard_AndPrintingIsAuditedAsAnExport()
    {
        var prof1 = await world.AsAsync("prof1");
        var user = new CurrentUser("prof1", ["Professional"], [], "127.0.0.1");

        var print = await prof1.GetAsync($"/casus/{world.Api.OnTable}/veiligheidskaart/afdrukken?versie=1");
        var recorded = await world.Host.Service<IMediator>().Send(new PrintVeiligheidskaart(world.Api.OnTable, 1, user));

        Assert.Contains("Veiligheidskaart Casus", print.Text);
        Assert.Contains("Wat gaat er goed? Oma helpt", print.Text);
        Assert.True(recorded.Succeeded);
        var line = Assert.Single(await AuditAsync(world.Api.OnTable, "prof1"), e => e.EventCode == "veiligheidskaart.print");
        Assert.Equal((AuditAction.Execute, "versie 1"), (line.Action, line.Detail));
    }

    [Fact]
    public async Task PrintView_GivesEveryAfspraakABlankColumnForTheNameTheFamilyWritesIn()
    {
        var api = await world.Host.AsAsync("prof1");
        var code = await Api.ApiWorld.RegisterIntakeAsync(api);
        var saved = await api.PutAsJsonAsync($"/api/casus/{code}/veiligheidskaart", new
        {
            basisVersie = 0,
            inhoud = new { afspraken = new[] { new { wat = "Iedere avond eet er iemand nuchter mee", wie = "grootmoeder", wanneer = "doordeweeks" } } },
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var print = await (await world.AsAsync("prof1")).GetAsync($"/casus/{code}/veiligheidskaart/afdrukken");

        Assert.Contains("Afspraak Wie (rol) Naam (zelf invullen) Wanneer", print.Text);
        Assert.Contains("Iedere avond eet er iemand nuchter mee grootmoeder", print.Text);
        Assert.Contains("<td class=\"pe-invullen\" data-invullen=\"naam\"></td>", print.Html);
        // On the screen the card stays as it was: the blank column is for paper only.
        Assert.DoesNotContain("Naam (zelf invullen)", (await (await world.AsAsync("prof1")).GetAsync($"/casus/{code}")).Text);
    }

    [Fact]
    public async Task AdviesForTheFamily_IsThePlainDutchAdviesWithTheirOwnWords_AndPrintingIsAudited()
    {
        var prof1 = await world.Host.AsAsync("prof1");
        var chair = await world.Host.AsAsync("voorzitter");
        var code = await Api.ApiWorld.RegisterIntakeAsync(prof1);
        Assert.Equal(HttpStatusCode.NotFound, (await prof1.GetAsync($"/api/casus/{code}/advies")).StatusCode);
        var triage = await Api.ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);
        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Consultatie & Advies" })).StatusCode);
        var advies = await Api.ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);
        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsJsonAsync($"/api/tasks/{advies}/complete", new
        {
            outcome = "Netwerkberaad",
            data = new
            {
                advies = "Een netwerkberaad met oma en de buurvrouw.", gezinZegt = "Oma helpt graag, de school liever niet.", gezinEens = "ja",
                ookRoutes = new[] { "Begeleiding in duo" },
            },
        })).StatusCode);

        var view = await (await prof1.GetAsync($"/api/casus/{code}/advies")).ReadJsonAsync();
        var page = await (await world.AsAsync("prof1")).GetAsync($"/casus/{code}/advies/afdrukken");
        var printed = await world.Host.Service<IMediator>().Send(new PrintAdvies(code, new CurrentUser("prof1", ["Professional"], [], "127.0.0.1")));

        Assert.Equal(("Netwerkberaad en Begeleiding in duo", "Oma helpt graag, de school liever niet.", "ja"),
            (view.GetProperty("route").GetString(), view.GetProperty("gezinZegt").GetString(), view.GetProperty("gezinEens").GetString()));
        Assert.Contains("Wat het RVT adviseert Een netwerkberaad met oma en de buurvrouw.", page.Text);
        Assert.Contains("Wat er nu gebeurt Er komt een netwerkberaad.", page.Text);
        Assert.Contains("Daarnaast: Twee professionals begeleiden u samen.", page.Text); // a combined advies explains each route
        Assert.Contains("Wat u ervan zei Oma helpt graag, de school liever niet.", page.Text);
        Assert.DoesNotContain("prof1", page.Text[page.Text.IndexOf("Advies van het Regionaal VeiligheidsTeam", StringComparison.Ordinal)..]);
        Assert.True(printed.Succeeded);
        var lines = await AuditAsync(code, "prof1");
        Assert.Contains(lines, l => (l.EventCode, l.Action) == ("advies.read", AuditAction.Read));
        Assert.Contains(lines, l => (l.EventCode, l.Action) == ("advies.print", AuditAction.Execute));
        // Someone not involved gets nothing of it.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await world.Host.AsAsync("prof2")).GetAsync($"/api/casus/{code}/advies")).StatusCode);
    }
}
