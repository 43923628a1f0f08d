using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.Host.Tests.Prompts;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Tests.Waarnemingen;

/// <summary>
/// A stand-in period (waarneming) over real HTTP on a real SQLite file, with a clock the test moves and a real SMTP server on
/// loopback: the stand-in sees the absent person's task, hears of it by e-mail as the holder does, reads the casus and completes
/// the task "namens" the holder, and the casus closes to them when the period ends.
/// </summary>
public sealed class WaarnemingTests
{
    private static readonly DateTimeOffset Monday = PromptHost.Monday; // 2 March 2026, 10:00 Amsterdam (CET)

    [Fact]
    public async Task StandIn_SeesHearsAndCompletesTheTaskOnBehalf_AndTheCasusClosesToThemWhenThePeriodEnds()
    {
        await using var host = new PromptHost();
        var (code, task) = await host.PreparationTaskAsync();
        using (var early = await SignInAsync(host, "prof2"))
            Assert.Equal(HttpStatusCode.Forbidden, (await early.GetAsync($"/api/casus/{code}")).StatusCode);

        using var prof1 = await SignInAsync(host, "prof1");
        var set = await prof1.PostAsJsonAsync("/api/waarnemingen", new { standIn = "prof2", from = "2026-03-02", until = "2026-03-06", reason = "Vakantie" });
        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        var period = await set.ReadJsonAsync();
        Assert.Equal("prof1", period.GetProperty("absent").GetString());
        Assert.Equal("2026-03-06", period.GetProperty("until").GetString());
        // From the start of Monday to the end of Friday, Amsterdam (CET, UTC+1).
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), period.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 23, 0, 0, TimeSpan.Zero), period.GetProperty("endsAt").GetDateTimeOffset());
        Assert.True(period.GetProperty("active").GetBoolean());
        var setLine = Assert.Single(await host.Get<AuditLog>().SearchAsync(new AuditQuery(EventCode: "waarneming.set")));
        Assert.Equal(("prof1", AuditOutcome.Success), (setLine.UserId, setLine.Outcome));
        Assert.EndsWith("prof2 neemt waar voor prof1, 2026-03-02 t/m 2026-03-06", setLine.Detail);

        using (var prof2 = await SignInAsync(host, "prof2"))
        {
            var shown = await (await prof2.GetAsync("/api/tasks/waarneming")).ReadJsonAsync();
            var row = Assert.Single(shown.EnumerateArray());
            Assert.Equal((task.Id, "prof1"), (row.GetProperty("id").GetGuid(), row.GetProperty("assignee").GetString()));
            Assert.Empty((await (await prof2.GetAsync("/api/tasks/mine")).ReadJsonAsync()).EnumerateArray());
            Assert.Equal(HttpStatusCode.OK, (await prof2.GetAsync($"/api/casus/{code}")).StatusCode);
        }
        var read = Assert.Single(await host.Get<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code, UserId: "prof2", EventCode: "casus.read")),
            l => l.Outcome == AuditOutcome.Success);
        Assert.Equal(("prof1", "zorgverlening (waarnemer)"), (read.OnBehalfOf, read.Purpose));

        // Friday 10:00, one working day before the task is due: the reminder goes to the holder and to the stand-in, once each.
        host.Clock.SetUtcNow(Monday.AddDays(4));
        Assert.True(await host.ScanDueAsync() >= 1);
        await host.DispatchAsync();
        Assert.Equal(["prof1@example.org", "prof2@example.org"],
            host.Smtp.Received.Where(m => m.Text.Contains($"/taken/{task.Id}", StringComparison.Ordinal)).SelectMany(m => m.To).Order(StringComparer.Ordinal));

        using (var prof2 = await SignInAsync(host, "prof2"))
        {
            var done = await prof2.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "Voorbereid", data = new { } });
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            // Done in the holder's name: the follow-up and the involvement stay prof1's; the audit line says who acted.
            Assert.Equal("prof1", (await done.ReadJsonAsync()).GetProperty("completedBy").GetString());
        }
        var completion = Assert.Single(await host.Get<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code, EventCode: "task.complete")));
        Assert.Equal(("prof2", "prof1", task.Id.ToString()), (completion.UserId, completion.OnBehalfOf, completion.Detail));

        // Saturday 00:00 in Amsterdam: the period is over; the casus and the tasks are closed to the stand-in again.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 6, 23, 0, 0, TimeSpan.Zero));
        using (var after = await SignInAsync(host, "prof2"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await after.GetAsync($"/api/casus/{code}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await after.GetAsync($"/api/tasks/{task.Id}")).StatusCode);
            Assert.Empty((await (await after.GetAsync("/api/tasks/waarneming")).ReadJsonAsync()).EnumerateArray());
        }
        Assert.Contains(await host.Get<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code, UserId: "prof2", EventCode: "casus.read")),
            l => l.Outcome == AuditOutcome.Refused && l.OnBehalfOf is null);
        Assert.True((await host.Get<AuditVerifier>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task TheChairSetsOneForSomeoneAbsent_BadInputNamesItsField_AndEndingItEarlyEndsTheAccess()
    {
        await using var host = new PromptHost();
        var code = await host.RegisterIntakeAsync();
        using var chair = await SignInAsync(host, "voorzitter");

        var missing = await chair.PostAsJsonAsync("/api/waarnemingen", new { absent = "prof1" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.ReadJsonAsync()).GetProperty("errors");
        Assert.All(new[] { "standIn", "from", "until", "reason" }, field => Assert.True(errors.TryGetProperty(field, out _), field));
        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { absent = "prof1", standIn = "prof1", from = "2026-03-02", until = "2026-03-03", reason = "Ziekte" }, "standIn"),
            (new { absent = "prof1", standIn = "manager", from = "2026-03-02", until = "2026-03-03", reason = "Ziekte" }, "standIn"),
            (new { absent = "prof1", standIn = "niemand", from = "2026-03-02", until = "2026-03-03", reason = "Ziekte" }, "standIn"),
            (new { absent = "coordinator", standIn = "prof2", from = "2026-03-02", until = "2026-03-03", reason = "Ziekte" }, "absent"),
            (new { absent = "prof1", standIn = "prof2", from = "2026-03-01", until = "2026-03-03", reason = "Ziekte" }, "from"),
            (new { absent = "prof1", standIn = "prof2", from = "2026-03-04", until = "2026-03-03", reason = "Ziekte" }, "until"),
        })
        {
            var refused = await chair.PostAsJsonAsync("/api/waarnemingen", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var set = await chair.PostAsJsonAsync("/api/waarnemingen", new { absent = "prof1", standIn = "prof2", from = "2026-03-02", until = "2026-03-13", reason = "Ziekte" });
        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        var id = (await set.ReadJsonAsync()).GetProperty("id").GetGuid();
        var overlapping = await chair.PostAsJsonAsync("/api/waarnemingen", new { absent = "prof1", standIn = "rvtlid", from = "2026-03-10", until = "2026-03-20", reason = "Ziekte" });
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.True((await overlapping.ReadJsonAsync()).GetProperty("errors").TryGetProperty("from", out _));
        // The kind of reason is for the absent person and the chair; the stand-in and the audit log do not hold it.
        Assert.DoesNotContain(await host.Get<AuditLog>().SearchAsync(new AuditQuery(EventCode: "waarneming.set")), l => l.Detail!.Contains("iekte"));
        using (var prof1 = await SignInAsync(host, "prof1"))
            Assert.Equal("Ziekte", (await (await prof1.GetAsync("/api/waarnemingen")).ReadJsonAsync())[0].GetProperty("reason").GetString());

        using var prof2 = await SignInAsync(host, "prof2");
        var seen = (await (await prof2.GetAsync("/api/waarnemingen")).ReadJsonAsync())[0];
        Assert.Equal(("prof1", "voorzitter"), (seen.GetProperty("absent").GetString(), seen.GetProperty("setBy").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.GetProperty("reason").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await prof2.GetAsync($"/api/casus/{code}")).StatusCode);

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var ended = await chair.PostAsync($"/api/waarnemingen/{id}/end", null);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(Monday.AddMinutes(10), (await ended.ReadJsonAsync()).GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Conflict, (await chair.PostAsync($"/api/waarnemingen/{id}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await prof2.GetAsync($"/api/casus/{code}")).StatusCode);
        // Ended, it no longer blocks a new period for the rest of the absence.
        var next = await chair.PostAsJsonAsync("/api/waarnemingen", new { absent = "prof1", standIn = "rvtlid", from = "2026-03-02", until = "2026-03-13", reason = "Ziekte" });
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        var end = Assert.Single(await host.Get<AuditLog>().SearchAsync(new AuditQuery(EventCode: "waarneming.end")));
        Assert.Equal(("voorzitter", "toegang"), (end.UserId, end.Purpose));
    }

    internal static async Task<HttpClient> SignInAsync(PromptHost host, string userName)
    {
        var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = ApiHost.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.ReadJsonAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
