using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;

namespace ProcessEngine.Host.Tests.Scenarios;

public sealed class AfsluitingScenarioTests
{
    [Fact]
    public async Task Afsluiting_ClosesTheTrajectInTheDomainWithItsRetentionDate_WhenTheFlowEnds()
    {
        await using var engine = ScenarioEngine.Start();
        var trajecten = engine.Services.GetRequiredService<TrajectService>();
        var traject = (await trajecten.RegisterIntakeAsync(new CasusIntake
        {
            Organisatie = "Wijkteam", Hulpvraag = "Korte vraag over veiligheid na een ruzie", Huishouden = Huishouden.GezinMetKinderen,
            Onveiligheid = Onveiligheid.Structureel, GezinWeetVanAanmelding = true,
        }, Traject.Inbrenger)).Value!;
        var code = traject.CasusCode;
        await engine.CompleteAsync(code, Traject.Triage, "Consultatie & Advies", user: Traject.Chair);
        await engine.CompleteAsync(code, Traject.Advies, "Advies zonder vervolgroute", Traject.Form(("advies", "Ga zo door")), Traject.Chair);
        await engine.AdvanceAsync(TimeSpan.FromDays(43));
        await engine.CompleteAsync(code, "Vervolgcheck: hoe gaat het nu?", "Veilig genoeg");

        await engine.CompleteAsync(code, Traject.Afsluiten, "Afgesloten: veilig genoeg", Traject.Form(("reden", "Afspraken werken")));

        var closed = (await trajecten.FindTrajectAsync(code))!;
        Assert.Equal(TrajectStatus.Closed, closed.Status);
        Assert.Equal("Afgesloten: veilig genoeg", closed.ClosingReason);
        Assert.Equal("advies-zonder-vervolgroute", closed.HeaviestRoute);
        Assert.Equal(engine.Clock.GetUtcNow().AddYears(1), closed.RetainUntil);

        // A year later the daily job deletes the content, and says so in the audit log: both in one transaction. While
        // the audit log refuses lines, nothing is deleted (the job fails and Hangfire runs it again).
        await engine.AdvanceAsync(TimeSpan.FromDays(366));
        var job = engine.Services.GetRequiredService<Notifications.RetentionJob>();
        var log = engine.Services.GetRequiredService<HostStore.Audit.AuditLog>();
        await using (await Api.RefusedAuditLog.OnAsync(engine.DatabasePath))
            await Assert.ThrowsAsync<HostStore.Audit.AuditUnavailableException>(() => job.RunAsync(CancellationToken.None));
        Assert.Equal("Korte vraag over veiligheid na een ruzie", (await trajecten.FindCasusAsync(code))!.Hulpvraag);
        Assert.NotEmpty(await engine.Store.FindInstancesByCorrelationAsync(code));
        Assert.Empty(await log.SearchAsync(new(CasusCode: code, EventCode: "casus.retention")));

        var taskIds = (await engine.Store.GetTasksAsync(code)).Select(t => t.Id.ToString()).ToList();
        // The prompts and planning notes its tasks had (nobody here has an e-mail address, so they are put in as the prompt writer puts them),
        // and one of another casus that must stay.
        var other = Guid.NewGuid().ToString();
        await AddPromptRowsAsync(engine, [.. taskIds, other]);
        await job.RunAsync(CancellationToken.None);
        Assert.Equal("", (await trajecten.FindCasusAsync(code))!.Hulpvraag);
        // The e-mail prompts of its tasks (they name the casus and link to its tasks) went with it.
        Assert.Empty(await PromptRowsOfAsync(engine, taskIds));
        Assert.Single(await PromptRowsOfAsync(engine, [other]));
        var contexts = engine.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<HostStore.Persistence.HostDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var ids = taskIds.Select(Guid.Parse).ToList();
            Assert.Equal(0, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.PromptMarks.Where(m => ids.Contains(m.TaskId))));
            // So did the holders' follow-up dates and priorities of its tasks; the other casus's stays.
            var planned = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.TaskNotes.Select(n => n.TaskId));
            Assert.Equal([Guid.Parse(other)], planned);
        }
        Assert.Empty(await engine.Store.FindInstancesByCorrelationAsync(code));
        Assert.Equal(engine.Clock.GetUtcNow(), (await trajecten.FindTrajectAsync(code))!.PurgedAt);
        var line = Assert.Single(await log.SearchAsync(new(CasusCode: code, EventCode: "casus.retention")));
        Assert.Equal((HostStore.Audit.AuditAction.Delete, Notifications.RetentionJob.SystemUser), (line.Action, line.UserId));
    }

    private static async Task AddPromptRowsAsync(ScenarioEngine engine, IReadOnlyList<string> taskIds)
    {
        var contexts = engine.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<HostStore.Persistence.HostDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var now = engine.Clock.GetUtcNow();
        foreach (var id in taskIds)
        {
            db.Outbox.Add(new HostStore.Mail.OutboxMessage
            {
                Id = Guid.NewGuid(), DedupKey = $"task:{id}:prof1", Recipient = "prof1@example.org", Subject = "Nieuwe taak", Body = "…",
                CreatedAt = now, NextAttemptAt = now,
            });
            db.TaskNotes.Add(new HostStore.Inbox.TaskNote { TaskId = Guid.Parse(id), FollowUpOn = new DateOnly(2027, 1, 12), SetBy = "prof1", SetAt = now });
        }
        await db.SaveChangesAsync();
    }

    private static async Task<List<string>> PromptRowsOfAsync(ScenarioEngine engine, IReadOnlyList<string> taskIds)
    {
        var contexts = engine.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<HostStore.Persistence.HostDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var keys = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Outbox.Select(m => m.DedupKey));
        return [.. keys.Where(k => taskIds.Any(id => k.Contains(id, StringComparison.OrdinalIgnoreCase)))];
    }
}
