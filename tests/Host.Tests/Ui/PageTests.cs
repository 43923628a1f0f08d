using System.Net;
using ProcessEngine.Host.Components;

namespace ProcessEngine.Host.Tests.Ui;

/// <summary>The first pages behind the navigation's links show the application layer's real data.</summary>
public sealed class PageTests(UiWorld world) : IClassFixture<UiWorld>
{
    [Fact]
    public async Task Inbox_ListsMyTaskAndMyTeamsTasks()
    {
        var chair = await world.AsAsync("voorzitter");

        var inbox = await chair.GetAsync("/inbox");

        Assert.Contains($"Triage nieuwe aanmelding {world.Api.NotOnTable} Aanmelding en advies Voorzitter RVT", inbox.Text);
        Assert.DoesNotContain("volgende versie", inbox.Text);
    }

    [Fact]
    public async Task Flows_ListsEveryShippedFlow()
    {
        var coordinator = await world.AsAsync("coordinator");

        var flows = await coordinator.GetAsync("/studio/flows");

        foreach (var id in new[] { "rvt-traject", "rvt-aanmelding", "rvt-maatregel", "rvt-netwerkberaad" })
            Assert.Contains($"data-flow=\"{id}\"", flows.Html);
    }

    [Fact]
    public async Task Halfjaarcijfers_ShowTheYearOfTheAddress_WithItsCsvDownload()
    {
        var manager = await world.AsAsync("manager");

        var figures = await manager.GetAsync("/rapportages/halfjaarcijfers?jaar=2025");
        var csv = await manager.Client.GetAsync("/api/reports/half-year-figures.csv?jaar=2025");

        Assert.Contains("Halfjaarcijfers 2025", figures.Text);
        Assert.Contains("Besproken casus / Consultatie & Advies 0 0 0 Mogelijkheden interventies na Consultatie en Advies Netwerkberaden met partners 0 0 0",
            figures.Text);
        Assert.Contains("href=\"/api/reports/half-year-figures.csv?jaar=2025\"", figures.Html);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("onderdeel;eerste halfjaar 2025", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Auditlog_FiltersByEvent()
    {
        var admin = await world.AsAsync("beheerder");
        await admin.GetAsync("/"); // an audit.search line that the filter must leave out

        var log = await admin.GetAsync("/beheer/auditlog?gebeurtenis=auth.signin");

        Assert.Contains("auth.signin beheerder", log.Text);
        Assert.Contains("value=\"auth.signin\"", log.Html);
        Assert.DoesNotContain("audit.search", log.Text[log.Text.IndexOf("Regels (nieuwste eerst)", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task DashboardAndIncidents_SayWhenThereIsNothingToDo()
    {
        var manager = await world.AsAsync("manager");

        var dashboard = await manager.GetAsync("/dashboard");
        Assert.Contains("Geen taken over hun termijn.", dashboard.Text);
        Assert.Contains("Er zijn geen open incidenten.", (await manager.GetAsync("/incidenten")).Text);
        // What the proeftuin achieves is counted beside the speed, without the factsheet's rows, with its CSV.
        var year = DutchTime.Year(DateTimeOffset.UtcNow);
        Assert.Contains($"Wat de proeftuin oplevert {year}", dashboard.Text);
        Assert.Contains("Aandeel beslismomenten met de stem van het gezin", dashboard.Text);
        Assert.DoesNotContain("Netwerkberaden met partners", dashboard.Text);
        Assert.Contains($"href=\"/api/reports/half-year-figures.csv?jaar={year}\"", dashboard.Html);
    }
}
