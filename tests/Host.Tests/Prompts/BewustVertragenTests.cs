using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ProcessEngine.Host.Security;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Prompts;

/// <summary>
/// Bewust vertragen and the escalation ladder, over real HTTP on a moved clock with a real SMTP server on loopback: a slowed
/// step sends no reminder, is neither late nor stuck and is counted apart; a step still open past its moment is named to the
/// holder's colleagues (or the other half of the duo) first, and to the chair only as the last step, as "nog open".
/// </summary>
public sealed class BewustVertragenTests
{
    private const string TeamPassword = "Test-wachtwoord-2026";
    private static readonly DateTimeOffset Monday = PromptHost.Monday; // 2 March 2026, 10:00 Amsterdam
    /// <summary>The preparation's own due moment: Monday 9 March, 10:00.</summary>
    private static readonly DateTimeOffset Due = Monday.AddDays(7);

    [Fact]
    public async Task SlowedStep_SendsNoReminder_IsNeitherLateNorStuck_ThenGoesToTeamColleaguesBeforeTheChair()
    {
        await using var host = new PromptHost();
        await host.AddUserAsync("wijk1", "wijk1@example.org", [Roles.Professional], "Wijkteam Oost");
        await host.AddUserAsync("wijk2", "wijk2@example.org", [Roles.Professional], "Wijkteam Oost");
        await host.AddUserAsync("wijk3", "wijk3@example.org", [Roles.Professional], "Wijkteam West");
        var (code, task) = await host.PreparationTaskAsync();
        await host.Get<WorkflowRuntime>().ReassignTaskAsync(task.Id, "wijk1", "voorzitter");
        // The handover is mailed to the new holder at once; what follows is about the due moments.
        await host.DispatchAsync();
        Assert.Equal(["wijk1@example.org"], Assert.Single(host.Smtp.Received, m => m.Subject.StartsWith("Taak aan u overgedragen", StringComparison.Ordinal)).To);
        host.Smtp.Clear();

        host.Clock.SetUtcNow(Monday.AddDays(3)); // Thursday 5 March, before the reminder's moment (Friday 10:00)
        using var wijk1 = await SignInAsync(host, "wijk1", TeamPassword);
        var slowed = await wijk1.PostAsJsonAsync($"/api/tasks/{task.Id}/vertragen",
            new { until = "2026-03-20", reason = "Het gezin heeft eerst rust nodig na de verhuizing; ik bel na de voorjaarsvakantie." });
        Assert.Equal(HttpStatusCode.OK, slowed.StatusCode);
        var view = await slowed.ReadJsonAsync();
        var chosen = new DateTimeOffset(2026, 3, 20, 16, 0, 0, TimeSpan.Zero); // 17:00 in Amsterdam (CET)
        Assert.Equal(chosen, view.GetProperty("slowedUntil").GetDateTimeOffset());
        Assert.Equal(chosen, view.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("wijk1", view.GetProperty("slowedBy").GetString());
        var line = Assert.Single(await host.Get<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code, EventCode: "task.slow")));
        Assert.Equal($"{task.Id}: bewust vertraagd tot 2026-03-20", line.Detail);
        Assert.DoesNotContain("verhuizing", line.Detail);

        // The reminder's moment, the old due moment and the old escalation moment pass in silence.
        foreach (var moment in new[] { Monday.AddDays(4), Due, Due.AddDays(1), Due.AddDays(3) })
        {
            host.Clock.SetUtcNow(moment);
            Assert.Equal(0, await host.ScanDueAsync());
        }

        // Seventeen days after it was created, past the preparation's norm of fourteen, and one working day before the chosen
        // moment (a reminder's window): slowed, so no reminder, neither late nor stuck, but counted apart.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 19, 16, 0, 0, TimeSpan.Zero));
        using (var manager = await SignInAsync(host, "manager", ApiHost.Password))
        {
            var counts = await (await manager.GetAsync("/api/reports/counts")).ReadJsonAsync();
            Assert.Equal(1, counts.GetProperty("slowed").GetInt32());
            var stuck = await (await manager.GetAsync("/api/reports/stuck")).ReadJsonAsync();
            Assert.DoesNotContain(stuck.EnumerateArray(), l => l.GetProperty("casusCode").GetString() == code && l.GetProperty("stepId").GetString() == "voorbereiden");
            var overdue = await (await manager.GetAsync("/api/reports/overdue")).ReadJsonAsync();
            Assert.DoesNotContain(overdue.EnumerateArray(), l => l.GetProperty("casusCode").GetString() == code && l.GetProperty("stepId").GetString() == "voorbereiden");
        }
        Assert.Equal(0, await host.ScanDueAsync());

        // One working day after the chosen moment: the holder's team colleague hears it is still open; not the other team, not the chair.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 23, 15, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await host.ScanDueAsync());
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 23, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await host.ScanDueAsync());
        await host.DispatchAsync();
        var colleague = Assert.Single(host.Smtp.Received);
        Assert.Equal(["wijk2@example.org"], colleague.To);
        Assert.Equal($"Nog open: taak bij casus {code}", colleague.Subject);
        Assert.Contains($"{PromptHost.BaseUrl}/taken/{task.Id}", colleague.Text);
        Assert.DoesNotContain("verhuizing", colleague.Text);
        Assert.Contains(await host.OutboxAsync(), o => o.DedupKey == $"escalation:{task.Id}@202603201600:wijk2");

        // Three working days after it: the chair, as the last step.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 25, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await host.ScanDueAsync());
        await host.DispatchAsync();
        Assert.Equal([["wijk2@example.org"], ["voorzitter@example.org"]], host.Smtp.Received.Select(m => m.To));
        Assert.All(host.Smtp.Received, m => Assert.StartsWith("Nog open:", m.Subject));
        Assert.Equal(0, await host.ScanDueAsync());
    }

    [Fact]
    public async Task Escalation_ReachesTheDuoPartnerFirst_AndTheChairOnlyAfter()
    {
        await using var host = new PromptHost();
        var (code, task) = await host.PreparationTaskAsync();
        // prof1 carries this family with prof2 as duo partner, as the chair registered the duo.
        await host.Get<WorkflowRuntime>().StartAsync("rvt-begeleiding-in-duo",
            new Dictionary<string, object?> { ["inbrenger"] = "prof1", ["duoPartner"] = "prof2" }, code);
        await RegisterDuoPartnerAsync(host, code, "prof2");

        host.Clock.SetUtcNow(Due.AddDays(1)); // Tuesday 10 March 10:00: one working day past due
        Assert.Equal(1, await host.ScanDueAsync());
        await host.DispatchAsync();
        Assert.Equal(["prof2@example.org"], Assert.Single(host.Smtp.Received).To);

        host.Clock.SetUtcNow(Due.AddDays(3).AddMinutes(-1));
        Assert.Equal(0, await host.ScanDueAsync());
        host.Clock.SetUtcNow(Due.AddDays(3)); // Thursday 12 March 10:00: three working days past due
        Assert.Equal(1, await host.ScanDueAsync());
        await host.DispatchAsync();
        Assert.Equal([["prof2@example.org"], ["voorzitter@example.org"]], host.Smtp.Received.Select(m => m.To));
        Assert.Equal($"Nog open: taak bij casus {code}", host.Smtp.Received[1].Subject);
    }

    [Fact]
    public async Task Escalation_NeverGoesToADuoPartnerOnlyAFlowNamed()
    {
        await using var host = new PromptHost();
        var (code, _) = await host.PreparationTaskAsync();
        // A flow started with a duoPartner nobody registered: its name gets no e-mail with the casus code.
        await host.Get<WorkflowRuntime>().StartAsync("rvt-begeleiding-in-duo",
            new Dictionary<string, object?> { ["inbrenger"] = "prof1", ["duoPartner"] = "prof2" }, code);

        host.Clock.SetUtcNow(Due.AddDays(1));
        Assert.Equal(1, await host.ScanDueAsync());
        await host.DispatchAsync();

        Assert.DoesNotContain(host.Smtp.Received, m => m.To.Contains("prof2@example.org"));
    }

    /// <summary>The duo as the chair's form answer registers it: a DuoPartner row, written in a transaction of its own here.</summary>
    private static async Task RegisterDuoPartnerAsync(PromptHost host, string code, string partner)
    {
        await using var db = await host.Get<IDbContextFactory<CasusDbContext>>().CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await host.Get<InvolvementRecords>().Alongside(code, "voorzitter", new GrantedInvolvement(InvolvementKind.DuoPartner, partner))
            .WriteAsync(transaction.GetDbTransaction(), null, CancellationToken.None);
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task Slowing_IsRefusedWithTheFieldNamed_AndOnlyForTheHolder()
    {
        await using var host = new PromptHost();
        var (code, task) = await host.PreparationTaskAsync();
        using var prof1 = await SignInAsync(host, "prof1", ApiHost.Password);

        async Task<JsonElement> RefusedAsync(object body)
        {
            var response = await prof1.PostAsJsonAsync($"/api/tasks/{task.Id}/vertragen", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.ReadJsonAsync()).GetProperty("errors");
        }
        Assert.True((await RefusedAsync(new { reason = "Rust voor het gezin" })).TryGetProperty("until", out _));
        Assert.True((await RefusedAsync(new { until = "2026-03-02", reason = "Rust voor het gezin" })).TryGetProperty("until", out _)); // today
        Assert.True((await RefusedAsync(new { until = "2026-12-01", reason = "Rust voor het gezin" })).TryGetProperty("until", out _)); // past half a year
        Assert.True((await RefusedAsync(new { until = "2026-03-20" })).TryGetProperty("reason", out _));
        var identifier = await RefusedAsync(new { until = "2026-03-20", reason = "Moeder (BSN 111222333) wil eerst verhuizen" });
        Assert.True(identifier.TryGetProperty("reason", out _));

        using var prof2 = await SignInAsync(host, "prof2", ApiHost.Password);
        var stranger = await prof2.PostAsJsonAsync($"/api/tasks/{task.Id}/vertragen", new { until = "2026-03-20", reason = "Rust voor het gezin" });
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);

        // Nothing moved: the task keeps its own due moment and no slow was recorded.
        var stored = await host.OpenTaskAsync(code, task.Title);
        Assert.Equal(Due, stored.DueAt);
        Assert.Null(stored.SlowedUntil);
        Assert.DoesNotContain(await host.Get<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code, EventCode: "task.slow")),
            l => l.Outcome == AuditOutcome.Success);
    }

    private static async Task<HttpClient> SignInAsync(PromptHost host, string userName, string password)
    {
        var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.ReadJsonAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
