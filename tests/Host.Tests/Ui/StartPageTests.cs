using System.Net;
using ProcessEngine.Host.Components;
using ProcessEngine.Host.Tests.Api;

namespace ProcessEngine.Host.Tests.Ui;

/// <summary>Each role's start page shows its real work and figures, and the navigation shows exactly the groups the role may use.</summary>
public sealed class StartPageTests(UiWorld world) : IClassFixture<UiWorld>
{
    [Fact]
    public async Task Professional_SeesTheirTaskWithItsDueMomentInDutch_AndOnlyTheWorkGroup()
    {
        var prof1 = await world.AsAsync("prof1");
        using var api = await world.Host.AsAsync("prof1");
        var task = await (await api.GetAsync($"/api/tasks/{world.Api.ProfTask}")).ReadJsonAsync();
        var due = DutchTime.Due(task.GetProperty("dueAt").GetDateTimeOffset(), DateTimeOffset.UtcNow);

        var start = await prof1.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, start.Status);
        Assert.Contains("Welkom, Professional CJG (demo)", start.Text);
        Assert.Contains($"Bespreking aan de RVT-tafel voorbereiden {world.Api.OnTable} {due}", start.Text);
        Assert.StartsWith("over ", due);
        Assert.Equal(["Werk"], start.NavGroups);
        Assert.Equal(["/", "/inbox", "/aanmelding", "/waarneming"], start.NavLinks);
        Assert.Contains("Casus aanmelden", start.Text);
    }

    [Fact]
    public async Task Chair_SeesTheTriageToClaim_AndThisYearsFigures()
    {
        var chair = await world.AsAsync("voorzitter");

        var start = await chair.GetAsync("/");

        Assert.Contains($"Triage nieuwe aanmelding {world.Api.NotOnTable}", start.Text);
        Assert.Contains($"Halfjaarcijfers {DutchTime.Year(DateTimeOffset.UtcNow)}", start.Text);
        // The OnTable casus went to bespreking at its triage: one "besproken casus" this year, shown as "<5" (it could point to a family).
        Assert.Matches(@"Besproken casus / Consultatie & Advies (0|<5) (0|<5) <5 ", start.Text);
        Assert.Equal(["Werk", "Overzicht"], start.NavGroups);
        Assert.Equal(["/", "/inbox", "/rvt", "/waarneming", "/dashboard", "/rapportages/halfjaarcijfers"], start.NavLinks);
        Assert.DoesNotContain("Casus aanmelden", start.Text);
    }

    [Fact]
    public async Task Coordinator_SeesTheShippedFlows_ButNoCasusWork()
    {
        var coordinator = await world.AsAsync("coordinator");

        var start = await coordinator.GetAsync("/");

        Assert.Contains("RVT-traject: van aanmelding tot afsluiting rvt-traject versie 1", start.Text);
        Assert.Contains("data-flow=\"rvt-aanmelding\"", start.Html);
        Assert.Equal(["Studio", "Overzicht"], start.NavGroups);
        Assert.Equal(["/", "/studio/flows", "/incidenten", "/wachten"], start.NavLinks);
        Assert.DoesNotContain("Mijn taken", start.Text);
        Assert.Contains("Coördinator (demo) Coördinator Afmelden", start.Text);
    }

    [Fact]
    public async Task Manager_SeesFiguresAndIncidents_OnlyTheOverviewGroup()
    {
        var manager = await world.AsAsync("manager");

        var start = await manager.GetAsync("/");

        Assert.Contains("Geen taken over hun termijn.", start.Text);
        Assert.Matches(@"Besproken casus / Consultatie & Advies (0|<5) (0|<5) <5 ", start.Text);
        Assert.Contains("Er zijn geen open incidenten.", start.Text);
        Assert.Equal(["Overzicht"], start.NavGroups);
        Assert.DoesNotContain("Studio", start.NavGroups);
        Assert.Equal(["/", "/dashboard", "/rapportages/halfjaarcijfers", "/incidenten", "/wachten"], start.NavLinks);
    }

    [Fact]
    public async Task Admin_SeesTheLatestAuditLines_AndTheHangfireLink()
    {
        var admin = await world.AsAsync("beheerder");

        var start = await admin.GetAsync("/");

        Assert.Contains("Laatste regels van de auditlog", start.Text);
        Assert.Matches(@"auth\.signin beheerder – – toegang gelukt aanmeldpagina", start.Text);
        Assert.Equal(["Studio", "Overzicht", "Beheer"], start.NavGroups);
        Assert.Equal(["/", "/studio/flows", "/incidenten", "/wachten", "/beheer/auditlog", "/hangfire"], start.NavLinks);
    }

    [Fact]
    public async Task APageOfAnotherRole_SendsToGeenToegang_WhichExplainsInDutch()
    {
        var prof1 = await world.AsAsync("prof1");

        var flows = await prof1.GetAsync("/studio/flows");

        Assert.Equal(HttpStatusCode.Found, flows.Status);
        Assert.StartsWith("/geen-toegang", new Uri(new Uri("http://localhost"), flows.Location).AbsolutePath);
        var refused = await prof1.GetAsync(flows.Location!);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Geen toegang", refused.Text);
        Assert.Contains("Deze pagina hoort niet bij uw rol.", refused.Text);
        Assert.Equal(["Werk"], refused.NavGroups);
    }

    [Fact]
    public async Task AnUnknownAddress_IsTheDutchNotFoundPage_ButTheApiKeepsItsProblemDetails()
    {
        var prof1 = await world.AsAsync("prof1");

        var page = await prof1.GetAsync("/bestaat-niet");
        var api = await prof1.GetAsync("/api/bestaat-niet");

        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (page.Status, page.ContentType));
        Assert.Contains("Pagina niet gevonden", page.Text);
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (api.Status, api.ContentType));
    }
}
