using System.Net;
using System.Net.Http.Json;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>The inbox that remembers, through the API: a follow-up date and a priority per task, and views saved per person.</summary>
public sealed class InboxApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>An aanmelding the family does not know of yet: the inbrenger's first task (talking with them) is theirs at once.</summary>
    internal static async Task<(string Code, Guid Task)> OwnTaskAsync(HttpClient professional)
    {
        var response = await ApiWorld.Ok(professional.PostAsJsonAsync("/api/trajecten", new
        {
            organisatie = "CJG", hulpvraag = "Zorgen om de veiligheid thuis.", huishouden = "GezinMetKinderen", onveiligheid = "Structureel",
            gezinWeetVanAanmelding = false,
        }));
        var code = (await response.ReadJsonAsync()).GetProperty("casusCode").GetString()!;
        return (code, await ApiWorld.TaskOfAsync(professional, "/api/tasks/mine", code));
    }

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Service<TimeProvider>().GetUtcNow(),
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);

    [Fact]
    public async Task TheHolder_SetsFollowUpAndPriority_TheInboxShowsAndSortsByThem_AndEachChangeIsAudited()
    {
        using var prof1 = await host.AsAsync("prof1");
        var (codeA, a) = await OwnTaskAsync(prof1);
        var (_, b) = await OwnTaskAsync(prof1);
        var (_, c) = await OwnTaskAsync(prof1);

        // The note and its audit line are one commit, as the node's own count of its database work shows.
        using var admin = await host.AsAsync("beheerder");
        var before = await CommitsOfFollowUpAsync(admin);
        await ApiWorld.Ok(prof1.PutAsJsonAsync($"/api/tasks/{a}/follow-up", new { followUpOn = Today.AddDays(14), priority = "Low" }));
        Assert.Equal(before.Calls + 1, (await CommitsOfFollowUpAsync(admin)).Calls);
        Assert.Equal(before.Commits + 1, (await CommitsOfFollowUpAsync(admin)).Commits);
        var set = await (await ApiWorld.Ok(prof1.PutAsJsonAsync($"/api/tasks/{b}/follow-up", new { followUpOn = Today.AddDays(1), priority = "High" })))
            .ReadJsonAsync();
        Assert.Equal((Today.AddDays(1).ToString("yyyy-MM-dd"), "High"), (set.GetProperty("followUpOn").GetString(), set.GetProperty("priority").GetString()));

        async Task<List<Guid>> OrderAsync(string sort) => [.. (await (await ApiWorld.Ok(prof1.GetAsync($"/api/tasks/mine?sort={sort}"))).ReadJsonAsync())
            .EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).Where(id => id == a || id == b || id == c)];
        Assert.Equal([b, a, c], await OrderAsync("FollowUp"));
        Assert.Equal([b, c, a], await OrderAsync("Priority"));
        var read = await (await ApiWorld.Ok(prof1.GetAsync($"/api/tasks/{a}"))).ReadJsonAsync();
        Assert.Equal((Today.AddDays(14).ToString("yyyy-MM-dd"), "Low"), (read.GetProperty("followUpOn").GetString(), read.GetProperty("priority").GetString()));

        // Cleared again: no follow-up date, back to normal; the due moment was never touched.
        await ApiWorld.Ok(prof1.PutAsJsonAsync($"/api/tasks/{a}/follow-up", new { followUpOn = (string?)null }));
        var cleared = await (await ApiWorld.Ok(prof1.GetAsync($"/api/tasks/{a}"))).ReadJsonAsync();
        Assert.Equal((System.Text.Json.JsonValueKind.Null, "Normal"), (cleared.GetProperty("followUpOn").ValueKind, cleared.GetProperty("priority").GetString()));
        Assert.Equal(read.GetProperty("dueAt").GetString(), cleared.GetProperty("dueAt").GetString());

        var lines = await host.Service<AuditLog>().SearchAsync(new AuditQuery(CasusCode: codeA, EventCode: "task.followup"));
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(("prof1", AuditOutcome.Success, "U"), (l.UserId, l.Outcome, l.Action)));
        Assert.Contains(lines, l => l.Detail == $"{a}: opvolgen op {Today.AddDays(14):yyyy-MM-dd}, prioriteit Low");
    }

    private static async Task<(long Calls, long Commits)> CommitsOfFollowUpAsync(HttpClient admin)
    {
        var report = (await admin.GetFromJsonAsync<Features.Diagnostics.DatabaseWorkReport>("/api/diagnostics/database-work"))!;
        var call = report.Calls.SingleOrDefault(c => c.Call == "PUT /api/tasks/{id:guid}/follow-up");
        return (call?.Count ?? 0, call?.Commits ?? 0);
    }

    [Fact]
    public async Task BadFollowUpInput_Is400NamingTheField_AndStoresNothing()
    {
        using var prof1 = await host.AsAsync("prof1");
        var (_, task) = await OwnTaskAsync(prof1);

        var past = await prof1.PutAsJsonAsync($"/api/tasks/{task}/follow-up", new { followUpOn = Today.AddDays(-1), priority = "High" });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await past.ReadJsonAsync()).GetProperty("errors").TryGetProperty("followUpOn", out _));
        var farAway = await prof1.PutAsJsonAsync($"/api/tasks/{task}/follow-up", new { followUpOn = Today.AddYears(2) });
        Assert.Equal(HttpStatusCode.BadRequest, farAway.StatusCode);
        var unknown = await prof1.PutAsJsonAsync($"/api/tasks/{task}/follow-up", new { priority = "Dringend" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await prof1.GetAsync("/api/tasks/mine?sort=Dringend")).StatusCode);

        var read = await (await ApiWorld.Ok(prof1.GetAsync($"/api/tasks/{task}"))).ReadJsonAsync();
        Assert.Equal(("Normal", System.Text.Json.JsonValueKind.Null), (read.GetProperty("priority").GetString(), read.GetProperty("followUpOn").ValueKind));
    }

    [Fact]
    public async Task SavedViews_RoundTripPerPerson_AnotherPersonNeitherSeesNorDeletesThem()
    {
        using var prof1 = await host.AsAsync("prof1");
        using var prof2 = await host.AsAsync("prof2");
        var view = new { name = "Eerst opvolgen", filter = new { status = "Open", due = "FollowUpReached", casus = "RVT-2026-K7QM4X" }, sort = "FollowUp" };

        var saved = await (await ApiWorld.Ok(prof1.PostAsJsonAsync("/api/inbox/views", view))).ReadJsonAsync();
        var id = saved.GetProperty("id").GetGuid();
        var again = await (await ApiWorld.Ok(prof1.PostAsJsonAsync("/api/inbox/views", view with { sort = "Priority" }))).ReadJsonAsync();
        Assert.Equal(id, again.GetProperty("id").GetGuid());

        var mine = (await (await ApiWorld.Ok(prof1.GetAsync("/api/inbox/views"))).ReadJsonAsync()).EnumerateArray().ToList();
        var only = Assert.Single(mine, v => v.GetProperty("name").GetString() == "Eerst opvolgen");
        Assert.Equal(("Priority", "FollowUpReached", "RVT-2026-K7QM4X"), (only.GetProperty("sort").GetString(),
            only.GetProperty("filter").GetProperty("due").GetString(), only.GetProperty("filter").GetProperty("casus").GetString()));

        Assert.DoesNotContain((await (await ApiWorld.Ok(prof2.GetAsync("/api/inbox/views"))).ReadJsonAsync()).EnumerateArray(),
            v => v.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await prof2.DeleteAsync($"/api/inbox/views/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await prof1.DeleteAsync($"/api/inbox/views/{id}")).StatusCode);
        Assert.DoesNotContain((await (await ApiWorld.Ok(prof1.GetAsync("/api/inbox/views"))).ReadJsonAsync()).EnumerateArray(),
            v => v.GetProperty("id").GetGuid() == id);
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"x","filter":{"route":"Familie de Vries, vader drinkt"}}""", "filter.route")]
    [InlineData("""{"name":"x","filter":{"casus":"de familie van Jan"}}""", "filter.casus")]
    [InlineData("""{"name":"x","filter":{"team":"RvtChair"}}""", "filter.team")]
    public async Task AViewWithFreeTextOrAnotherTeam_Is400NamingTheField(string body, string field)
    {
        using var prof1 = await host.AsAsync("prof1");
        var refused = await prof1.PostAsync("/api/inbox/views", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), await refused.Content.ReadAsStringAsync());
    }
}
