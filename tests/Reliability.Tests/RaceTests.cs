using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ProcessEngine.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace ProcessEngine.Reliability.Tests;

/// <summary>
/// Issue 8, item 2: two people allowed to complete the same task press "Afronden" at the same moment.
/// Exactly one wins (2xx), the other hears that it was already handled (409), and the instance moves once.
/// One node on SQLite; on PostgreSQL two nodes, and the two users go to different ones (Cluster.NodeFor).
/// </summary>
public sealed class RaceTests(ITestOutputHelper output)
{
    private const int Tasks = 500;

    [Theory]
    [InlineData(HostDatabase.Sqlite, 1)]
    [InlineData(HostDatabase.PostgreSql, 2)]
    public async Task TwoUsersCompletingEveryTaskAtOnce_OneGets2xxAndOne409_AndEachInstanceMovesOnce(string provider, int nodes)
    {
        await using var database = await HostDatabase.NewAsync(provider, "races");
        await using (var work = await PreparedWork.OpenAsync(database)) await work.StartTwoStepsAsync(Tasks, "race");
        await using var cluster = await Cluster.StartAsync(database, nodes);
        using var prof1 = await ApiUser.SignInAsync(cluster.NodeFor(0), "prof1");
        using var prof2 = await ApiUser.SignInAsync(cluster.NodeFor(1), "prof2");
        var rows = new EngineRows(database);
        var tasks = await rows.TasksOfStepAsync(ReliabilityFlows.FirstStep);
        Assert.Equal(Tasks, tasks.Count);

        var clock = Stopwatch.StartNew();
        var gate = new SemaphoreSlim(25);
        var answers = await Task.WhenAll(tasks.Keys.Select(async id =>
        {
            await gate.WaitAsync();
            try
            {
                var both = await Task.WhenAll(CompleteAsync(prof1, id), CompleteAsync(prof2, id));
                return (Id: id, Statuses: both.Order().ToArray());
            }
            finally { gate.Release(); }
        }));
        output.WriteLine($"{Tasks} tasks x 2 users completed in {clock.Elapsed.TotalSeconds:F1} s");

        var wrong = answers.Where(a => a.Statuses is not [HttpStatusCode.OK, HttpStatusCode.Conflict]).ToList();
        // The summary goes last (and to the test output, printed after the stack trace): CI shows only the tail.
        var summary = $"{wrong.Count} tasks did not get exactly one 200 and one 409, e.g. " +
            string.Join("; ", wrong.Take(5).Select(w => $"{w.Id}: {string.Join(",", w.Statuses)}"));
        if (wrong.Count > 0) output.WriteLine(summary);
        Assert.True(wrong.Count == 0, cluster.OutputTails() + "\n" + summary);
        var completed = await rows.JournalPerInstanceAsync(ReliabilityFlows.FirstStep, "Completed");
        var second = await rows.TasksPerInstanceAsync(ReliabilityFlows.SecondStep);
        output.WriteLine($"stap1 completed journal entries: {completed.Values.Sum()} over {completed.Count} instances; stap2 tasks: {second.Values.Sum()}");
        Assert.Equal(Tasks, (await rows.TasksOfStepAsync(ReliabilityFlows.FirstStep, "Completed")).Count);
        Assert.All(tasks.Values, instance => Assert.Equal(1, completed.GetValueOrDefault(instance)));
        Assert.All(tasks.Values, instance => Assert.Equal(1, second.GetValueOrDefault(instance)));
        Assert.True(cluster.Nodes.All(n => n.IsRunning), "a node died during the races\n" + cluster.OutputTails());
    }

    [Theory]
    [InlineData(HostDatabase.Sqlite, 1)]
    [InlineData(HostDatabase.PostgreSql, 2)]
    public async Task TwoUsersClaimingEveryTaskAtOnce_OneGets2xxAndOne409_AndOneHoldsIt(string provider, int nodes)
    {
        const int claims = 200;
        await using var database = await HostDatabase.NewAsync(provider, "claim-races");
        await using (var work = await PreparedWork.OpenAsync(database)) await work.StartTwoStepsAsync(claims, "claim");
        await using var cluster = await Cluster.StartAsync(database, nodes);
        using var prof1 = await ApiUser.SignInAsync(cluster.NodeFor(0), "prof1");
        using var prof2 = await ApiUser.SignInAsync(cluster.NodeFor(1), "prof2");
        var rows = new EngineRows(database);
        var tasks = await rows.TasksOfStepAsync(ReliabilityFlows.FirstStep);

        var gate = new SemaphoreSlim(25);
        var answers = await Task.WhenAll(tasks.Keys.Select(async id =>
        {
            await gate.WaitAsync();
            try { return (Id: id, Statuses: (await Task.WhenAll(ClaimAsync(prof1, id), ClaimAsync(prof2, id))).Order().ToArray()); }
            finally { gate.Release(); }
        }));

        var wrong = answers.Where(a => a.Statuses is not [HttpStatusCode.OK, HttpStatusCode.Conflict]).ToList();
        output.WriteLine($"{claims} tasks claimed by two users at once: {claims - wrong.Count} with one 200 and one 409");
        Assert.True(wrong.Count == 0, $"{wrong.Count} tasks did not get exactly one 200 and one 409, e.g. " +
            string.Join("; ", wrong.Take(5).Select(w => $"{w.Id}: {string.Join(",", w.Statuses)}")));
        Assert.Equal(claims, await rows.CountAsync("""SELECT COUNT(*) FROM "UserTasks" WHERE "ActivityId" = $1 AND "Status" = 'Open' AND "Assignee" IN ('prof1', 'prof2')""",
            ReliabilityFlows.FirstStep));
        Assert.Empty(await rows.TasksPerInstanceAsync(ReliabilityFlows.SecondStep));
    }

    private static async Task<HttpStatusCode> ClaimAsync(ApiUser user, Guid task)
    {
        using var response = await user.Http.PostAsync($"/api/tasks/{task}/claim", null);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> CompleteAsync(ApiUser user, Guid task)
    {
        using var response = await user.Http.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = ReliabilityFlows.Done });
        return response.StatusCode;
    }
}
