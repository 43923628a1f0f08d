using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Host.Tests.Scenarios;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>The managers' lists through the API on a moved clock: pseudonymous lines only, with how late and how long.</summary>
public sealed class ReportApiTests
{
    [Fact]
    public async Task OverdueAndStuck_ListTheCasusCodeStepAndDays_WithoutContent()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var host = ApiHost.WithClock(clock);
        await host.InitializeAsync();
        using var prof1 = await host.AsAsync("prof1");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        var manager = await host.AsAsync("manager");
        Assert.Empty((await (await manager.GetAsync("/api/reports/overdue")).ReadJsonAsync()).EnumerateArray());

        // Triage is due in 2 werkdagen (Wednesday 4 March); twelve days later it is 10 days late and has waited 12.
        clock.Advance(TimeSpan.FromDays(12));
        host.ForgetTokens();
        Assert.Equal(HttpStatusCode.Unauthorized, (await manager.GetAsync("/api/reports/overdue")).StatusCode); // the old token has expired
        manager.Dispose();
        manager = await host.AsAsync("manager");
        var overdue = (await (await manager.GetAsync("/api/reports/overdue")).ReadJsonAsync()).EnumerateArray().Single();
        var stuck = (await (await manager.GetAsync("/api/reports/stuck?dagen=10")).ReadJsonAsync()).EnumerateArray().Single();
        var notYet = (await (await manager.GetAsync("/api/reports/stuck?dagen=13")).ReadJsonAsync()).EnumerateArray();

        Assert.Equal((code, "Triage nieuwe aanmelding", "RvtChair", 10), (overdue.GetProperty("casusCode").GetString(),
            overdue.GetProperty("step").GetString(), overdue.GetProperty("group").GetString(), overdue.GetProperty("daysWaiting").GetInt32()));
        Assert.Equal(12, stuck.GetProperty("daysWaiting").GetInt32());
        Assert.Empty(notYet);
        Assert.DoesNotContain("Zorgen om de veiligheid", overdue.GetRawText() + stuck.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/reports/stuck?dagen=0")).StatusCode);

        // The shipped norm for triage is 7 days: without ?dagen the step's own norm decides, and the line says which.
        var byNorm = (await (await manager.GetAsync("/api/reports/stuck")).ReadJsonAsync()).EnumerateArray().Single();
        Assert.Equal((code, 7), (byNorm.GetProperty("casusCode").GetString(), byNorm.GetProperty("normDays").GetInt32()));
        // The summary groups by team, route and step; the drill-down narrows by the same parts.
        var summary = (await (await manager.GetAsync("/api/reports/overdue/summary")).ReadJsonAsync()).EnumerateArray().Single();
        Assert.Equal(("RvtChair", "rvt-aanmelding", "triage", 1, 10), (summary.GetProperty("team").GetString(), summary.GetProperty("routeId").GetString(),
            summary.GetProperty("stepId").GetString(), summary.GetProperty("count").GetInt32(), summary.GetProperty("maxDaysLate").GetInt32()));
        async Task<int> Lines(string query) => (await (await manager.GetAsync("/api/reports/overdue?" + query)).ReadJsonAsync()).GetArrayLength();
        Assert.Equal(1, await Lines("team=RvtChair&route=rvt-aanmelding&stap=triage"));
        Assert.Equal(0, await Lines("zonderTeam=true"));
        Assert.Equal(0, await Lines("stap=advies"));
        var counts = await (await manager.GetAsync("/api/reports/counts")).ReadJsonAsync();
        Assert.Equal((1, 1, 0, 1), (counts.GetProperty("overdue").GetInt32(), counts.GetProperty("stuck").GetInt32(),
            counts.GetProperty("incidents").GetInt32(), counts.GetProperty("runningTrajecten").GetInt32()));
    }

    [Fact]
    public async Task HalfjaarcijfersCsv_HoldsTheSameNumbersAsTheJson()
    {
        await using var host = new ApiHost();
        await host.InitializeAsync();
        using var prof1 = await host.AsAsync("prof1");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        using var chair = await host.AsAsync("voorzitter");
        var triage = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);
        await ApiWorld.Ok(chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Bespreking", data = new { tafeldatum = ApiWorld.DaysAhead(3) } }));
        var year = DateTime.UtcNow.Year;

        var json = (await (await chair.GetAsync($"/api/reports/half-year-figures?jaar={year}")).ReadJsonAsync()).GetProperty("rijen").EnumerateArray()
            .Select(r => $"{r.GetProperty("onderdeel").GetString()};{r.GetProperty("eersteHalfjaar").GetString()};{r.GetProperty("tweedeHalfjaar").GetString()};{r.GetProperty("totaal").GetString()}")
            .ToList();
        var csvResponse = await chair.GetAsync($"/api/reports/half-year-figures.csv?jaar={year}");
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(json, csv.Skip(1));
        // One casus discussed: a count that could point to a family, so hidden in every cell that shows it.
        Assert.Contains(json, line => line.StartsWith("Besproken casus / Consultatie & Advies;", StringComparison.Ordinal)
            && line.EndsWith(";<5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HalfjaarcijfersCsv_FollowsTheFactsheetRowForRow_WithTheHeadingLineWithoutNumbers()
    {
        await using var host = new ApiHost();
        await host.InitializeAsync();
        using var manager = await host.AsAsync("manager");

        var rows = (await (await manager.GetAsync("/api/reports/half-year-figures?jaar=2001")).ReadJsonAsync()).GetProperty("rijen").EnumerateArray().ToList();
        var csv = Encoding.UTF8.GetString(await (await manager.GetAsync("/api/reports/half-year-figures.csv?jaar=2001")).Content.ReadAsByteArrayAsync())
            .TrimStart('\uFEFF');

        Assert.Equal(Factsheet.Onderdelen, rows.Take(Factsheet.Onderdelen.Length).Select(r => r.GetProperty("onderdeel").GetString()));
        Assert.Equal([Factsheet.Kop, "Wat de proeftuin oplevert"],
            rows.Where(r => r.GetProperty("isKop").GetBoolean()).Select(r => r.GetProperty("onderdeel").GetString()));
        Assert.All(rows.Where(r => r.GetProperty("isKop").GetBoolean()), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("totaal").ValueKind));
        // A year without casussen: every count is a zero that points to no one, the heading line has empty cells.
        Assert.Equal(
            "onderdeel;eerste halfjaar 2001;tweede halfjaar 2001;totaal\r\n" +
            "Besproken casus / Consultatie & Advies;0;0;0\r\n" +
            "Mogelijkheden interventies na Consultatie en Advies;;;\r\n" +
            "Netwerkberaden met partners;0;0;0\r\n" +
            "Interventiegesprek RvdK;0;0;0\r\n" +
            "Begeleiding ism lokaal team;0;0;0\r\n" +
            "Aantal huishoudens;0;0;0\r\n" +
            "Wat de proeftuin oplevert;;;\r\n" +
            "Maatregelen voorkomen;0;0;0\r\n" +
            "Maatregelen beëindigd;0;0;0\r\n" +
            "Terugkeer naar vrijwilligheid gepland;0;0;0\r\n" +
            "Opnieuw ingebracht binnen twaalf maanden;0;0;0\r\n" +
            "Beslismomenten;0;0;0\r\n" +
            // A share of nothing is no share: a dash, not 0%.
            "Aandeel beslismomenten met de stem van het gezin;–;–;–\r\n" +
            "Stappen bewust vertraagd;0;0;0\r\n", csv);
    }
}
