using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Synthetic;
using ProcessEngine.Host.Commands;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.Workflows.EntityFramework;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Generation;

/// <summary>
/// The `generate` machinery against a real host database: the trajecten it writes are consistent (one
/// casus and traject row each, nothing after now, every route), the reports see them, and the engine
/// can go on with them — a generated open task completes through the API like any other.
/// </summary>
public sealed class GenerateTests
{
    [Fact]
    public async Task Generated_Trajecten_AreConsistent_Reported_AndTheEngineGoesOnWithThem()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var host = ApiHost.WithClock(clock);
        await host.InitializeAsync();

        var report = await host.Service<TrajectGenerator>().GenerateAsync(new GenerateOptions(400, 2, Seed: 11, BatchSize: 150));

        await using var engine = await host.Service<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        await using var casus = await host.Service<IDbContextFactory<CasusDbContext>>().CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var roots = await engine.Instances.Where(i => i.DefinitionId == "rvt-traject" && i.CorrelationId!.StartsWith("RVT-")).ToListAsync();
        Assert.Equal(400, report.Trajecten);
        Assert.Equal(400, roots.Count);
        Assert.Equal(400, await casus.Casussen.CountAsync());
        Assert.Equal(400, await casus.Trajecten.CountAsync(t => t.WorkflowInstanceId != null));
        Assert.Equal(roots.Count(r => r.Status is WorkflowStatus.Running or WorkflowStatus.Suspended), report.Open);
        Assert.True(report.Open > 0, "some generated trajecten are still running");
        Assert.True(report.Faulted > 0, "some generated trajecten carry an incident");
        // Nothing happened after now, and every route of the RVT appears.
        Assert.DoesNotContain(await engine.Instances.Select(i => i.UpdatedAt).ToListAsync(), at => at > now);
        Assert.DoesNotContain(await engine.Tasks.Select(t => t.CreatedAt).ToListAsync(), at => at > now);
        var flows = await engine.Instances.Select(i => i.DefinitionId).Distinct().ToListAsync();
        Assert.Superset(new HashSet<string> { "rvt-aanmelding", "rvt-netwerkberaad", "rvt-interventiegesprek-rvdk", "rvt-begeleiding-in-duo" },
            flows.ToHashSet());

        using var manager = await host.AsAsync("manager");
        var counts = await (await manager.GetAsync("/api/reports/counts")).ReadJsonAsync();
        Assert.Equal(report.Open, counts.GetProperty("runningTrajecten").GetInt32());
        Assert.Equal(report.Faulted, counts.GetProperty("incidents").GetInt32());

        // A generated open task completes as any task does (answers typed by the form's own fields): one someone
        // holds, by its holder, or else one of the chair's group, claimed first.
        var task = await engine.Tasks.Where(t => t.Status == UserTaskStatus.Open && t.Assignee != null).OrderBy(t => t.CreatedAt).FirstOrDefaultAsync()
            ?? await engine.Tasks.Where(t => t.Status == UserTaskStatus.Open && t.CandidateGroup == "RvtChair").OrderBy(t => t.CreatedAt).FirstAsync();
        using var holder = await host.AsAsync(task.Assignee ?? "voorzitter");
        if (task.Assignee is null) await ApiWorld.Ok(holder.PostAsync($"/api/tasks/{task.Id}/claim", null));
        var answers = task.Form.Where(f => f.Required).ToDictionary(f => f.Name, f => (object?)(f.Type switch
        {
            "choice" => f.Options![0],
            "checklist" => new[] { f.Options![0] },
            "date" => ApiWorld.DaysAhead(10), // a date ahead, as a table or meeting date is; a fixed one goes stale
            "number" => 1,
            "boolean" => true,
            _ => "Afspraken besproken.",
        }));
        var completed = await holder.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = task.Outcomes[0], data = answers });
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(new[] { "--years", "2" }, "--trajecten must be a number from 1 to 10,000,000.")]
    [InlineData(new[] { "--trajecten", "10", "--years", "30" }, "--years must be a number from 1 to 20.")]
    [InlineData(new[] { "--trajecten", "tien" }, "--trajecten must be a number from 1 to 10,000,000.")]
    public void Generate_RefusesBadArguments_WithWhatIsWrong(string[] args, string problem)
    {
        Assert.False(GenerateCommand.TryParse(args, out _, out _, out var message));
        Assert.Equal(problem, message);
    }
}
