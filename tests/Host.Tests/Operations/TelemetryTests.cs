using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ProcessEngine.Host.Tests.Api;

namespace ProcessEngine.Host.Tests.Operations;

/// <summary>
/// What an operator's collector receives while professionals work: the engine's and host's own counts and a trace per
/// request, and not one attribute that names the casus or repeats what the professional wrote.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task AScenarioExported_CarriesTheCounts_AndNoCasusContent()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var host = ApiHost.Of(new HostFactory
        {
            Settings = new Dictionary<string, string> { ["OpenTelemetry:Enabled"] = "true" },
            TestServices = services => services.AddOpenTelemetry()
                .WithTracing(t => t.AddInMemoryExporter(spans))
                .WithMetrics(m => m.AddInMemoryExporter(metrics)),
        });
        await using var _ = host.Factory;
        await host.InitializeAsync();
        using var prof1 = await host.AsAsync("prof1");
        using var chair = await host.AsAsync("voorzitter");

        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        var triage = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);
        var tafeldatum = ApiWorld.DaysAhead(3);
        await ApiWorld.Ok(chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Bespreking", data = new { tafeldatum } }));
        await ApiWorld.Ok(prof1.GetAsync($"/api/casus/{code}/timeline"));
        host.Service<TracerProvider>().ForceFlush();
        host.Service<MeterProvider>().ForceFlush();

        var names = metrics.Select(m => m.Name).ToHashSet();
        foreach (var expected in new[] { "processengine.steps", "processengine.passes.committed", "processengine.pass.commit.duration",
                     "processengine.tasks.created", "processengine.tasks.finished", "processengine.audit.lines", "processengine.incidents.open", "http.server.request.duration" })
            Assert.Contains(expected, names);
        var timeline = Assert.Single(spans, s => s.DisplayName == "GET /api/casus/{code}/timeline");
        Assert.Equal("/api/casus/{code}/timeline", timeline.GetTagItem("url.path"));
        Assert.Contains(spans, s => s.DisplayName == "pass commit");
        // The embedded database's commands show inside the request that sent them, by operation only.
        Assert.Contains(spans, s => s.DisplayName == "sqlite SELECT" && s.TraceId == timeline.TraceId && (string?)s.GetTagItem("db.system.name") == "sqlite");

        var said = new[] { code, "Zorgen om de veiligheid", tafeldatum };
        var exported = spans.SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName} {t.Key}={t.Value}"))
            .Concat(metrics.SelectMany(PointTags)).ToList();
        Assert.NotEmpty(exported);
        Assert.DoesNotContain(exported, line => said.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase)));
    }

    private static List<string> PointTags(Metric metric)
    {
        var lines = new List<string>();
        foreach (ref readonly var point in metric.GetMetricPoints())
            foreach (var tag in point.Tags)
                lines.Add($"{metric.Name} {tag.Key}={tag.Value}");
        return lines;
    }
}
