using System.Net;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Host.Tests.Api;

namespace ProcessEngine.Host.Tests.Ui.Dashboard;

/// <summary>
/// The dashboard and its drill-down as the server renders them, on a moved clock: a casus whose triage has waited
/// twelve days is overdue and stuck; a manager sees it by code only, never linked to the casus.
/// </summary>
public sealed class DashboardPageTests : IAsyncLifetime
{
    // Monday 2 March 2026; the triage is due in 2 werkdagen (Wednesday 4 March).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly ApiHost _host;
    private string _casus = "";

    public DashboardPageTests() => _host = ApiHost.WithClock(_clock);

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        using var prof1 = await _host.AsAsync("prof1");
        _casus = await ApiWorld.RegisterIntakeAsync(prof1);
        _clock.Advance(TimeSpan.FromDays(12));
    }

    [Fact]
    public async Task Manager_SeesOverdueByStep_AndTheStuckTrajectAgainstItsNorm_ByCodeOnly()
    {
        using var manager = await SignedInAsync("manager");

        var dashboard = await manager.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("Voorzitter RVT RVT: aanmelding, triage en advies Triage nieuwe aanmelding 1 10 dagen te laat Bekijk casussen", dashboard.Text);
        Assert.Contains("href=\"/dashboard/te-laat?team=RvtChair&amp;route=rvt-aanmelding&amp;stap=triage\"", dashboard.Html);
        Assert.Contains($"{_casus} Triage nieuwe aanmelding Voorzitter RVT nog niemand 12 dagen 7 dagen", dashboard.Text);
        Assert.Contains("data-section=\"incidenten\"", dashboard.Html);
        Assert.DoesNotContain("/casus", dashboard.Html);
        Assert.DoesNotContain("Zorgen om de veiligheid", dashboard.Text);
    }

    [Fact]
    public async Task DrillDown_ListsTheCasusOfThatStep_PagesOn_AndFiltersOtherStepsOut()
    {
        using var manager = await SignedInAsync("manager");

        var list = await manager.GetAsync("/dashboard/te-laat?team=RvtChair&route=rvt-aanmelding&stap=triage");
        var secondPage = await manager.GetAsync("/dashboard/te-laat?team=RvtChair&route=rvt-aanmelding&stap=triage&pagina=2");
        var otherStep = await manager.GetAsync("/dashboard/te-laat?team=RvtChair&route=rvt-aanmelding&stap=advies");
        var withoutTeam = await manager.GetAsync("/dashboard/te-laat?zonderteam=ja");

        Assert.Contains("Stap Triage nieuwe aanmelding · route rvt-aanmelding · team Voorzitter RVT", list.Text);
        Assert.Contains($"{_casus} Triage nieuwe aanmelding Voorzitter RVT nog niemand 10 dagen", list.Text);
        Assert.DoesNotContain("Volgende", list.Text);
        Assert.DoesNotContain("/casus", list.Html);
        Assert.Contains("Geen taken over hun termijn op deze pagina.", secondPage.Text);
        Assert.Contains("href=\"/dashboard/te-laat?team=RvtChair&amp;route=rvt-aanmelding&amp;stap=triage\"", secondPage.Html); // "Vorige"
        Assert.Contains("Geen taken over hun termijn.", otherStep.Text);
        Assert.Contains("Geen taken over hun termijn.", withoutTeam.Text);
    }

    [Fact]
    public async Task Chair_ReadsTheDashboard_ButRetryingIncidentsIsNotTheirs()
    {
        using var chair = await SignedInAsync("voorzitter");

        var dashboard = await chair.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("data-section=\"vastgelopen\"", dashboard.Html);
        Assert.DoesNotContain("data-section=\"incidenten\"", dashboard.Html);
    }

    [Fact]
    public async Task Professional_IsRefusedTheDrillDown()
    {
        using var prof1 = await SignedInAsync("prof1");

        var list = await prof1.GetAsync("/dashboard/te-laat");

        Assert.StartsWith("/geen-toegang", new Uri(new Uri("http://localhost"), list.Location).AbsolutePath);
    }

    private async Task<UiSession> SignedInAsync(string userName)
    {
        var session = new UiSession(_host.Factory);
        Assert.Equal(HttpStatusCode.Found, (await session.SignInAsync(userName, ApiHost.Password)).Status);
        return session;
    }

    public Task DisposeAsync() => _host.DisposeAsync();
}
