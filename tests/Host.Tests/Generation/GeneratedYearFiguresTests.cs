using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Synthetic;
using ProcessEngine.Workflows.EntityFramework;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Generation;

/// <summary>
/// "Wat de proeftuin oplevert" over a generated year: every figure equals what the stored trajecten show when counted
/// another way, from the tasks and instances themselves rather than from the facts the figures read.
/// </summary>
public sealed class GeneratedYearFiguresTests
{
    /// <summary>The decision steps whose completion counts as a beslismoment (countAs in the shipped flows).</summary>
    private static readonly (string Flow, string Activity)[] Beslismomenten =
    [
        ("rvt-aanmelding", "advies"), ("rvt-netwerkberaad", "evaluatie"), ("rvt-maatregel", "evaluatie"),
        ("rvt-maatregel", "evaluatie-voogdij"), ("rvt-begeleiding-in-duo", "goed-genoeg"), ("rvt-traject", "afsluiting"),
    ];

    [Fact]
    public async Task OpbrengstFigures_OfAGeneratedYear_EqualTheCountsOfTheStoredTrajecten()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = ApiHost.WithClock(clock);
        await host.InitializeAsync();
        await host.Service<TrajectGenerator>().GenerateAsync(new GenerateOptions(300, 1, Seed: 5, BatchSize: 150));
        await using var db = await host.Service<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        // A generated incident stands for a step that failed and waits; retried, it records what it was to record.
        foreach (var faulted in await db.Instances.Where(i => i.Status == WorkflowStatus.Faulted).Select(i => i.Id).ToListAsync())
            await host.Service<WorkflowRuntime>().RetryAsync(faulted);

        var tasks = await db.Tasks.AsNoTracking().ToListAsync();
        var done = tasks.Where(t => t.Status == UserTaskStatus.Completed).ToList();
        int Done(string flow, string activity, string outcome) =>
            done.Count(t => t.DefinitionId == flow && t.ActivityId == activity && t.Outcome == outcome);
        var beslismomenten = done.Where(t => Beslismomenten.Contains((t.DefinitionId, t.ActivityId))).ToList();
        var roots = await db.Instances.AsNoTracking().Where(i => i.DefinitionId == "rvt-traject").ToListAsync();
        var maatregelen = await db.Instances.AsNoTracking().Where(i => i.DefinitionId == "rvt-maatregel").ToListAsync();
        var expected = new Dictionary<string, int>
        {
            ["Maatregelen voorkomen"] = Done("rvt-interventiegesprek-rvdk", "gereedheid", "Nog te vroeg")
                + Done("rvt-interventiegesprek-rvdk", "review", "Afspraken werken") + Done("rvt-interventiegesprek-rvdk", "review-afronden", "Afspraken werken"),
            ["Maatregelen beëindigd"] = maatregelen.Count(m => m.Variables.GetValueOrDefault("status") as string == "beëindigd"),
            ["Terugkeer naar vrijwilligheid gepland"] = done.Count(t => t.DefinitionId == "rvt-maatregel" && t.ActivityId == "terugkeer-plannen"),
            ["Opnieuw ingebracht binnen twaalf maanden"] = roots.Count(r => r.ReadInput().GetValueOrDefault("eerderIngebracht") as string == "BinnenTwaalfMaanden"),
            ["Beslismomenten"] = beslismomenten.Count,
            ["Aandeel beslismomenten met de stem van het gezin"] = beslismomenten.Count(HasFamilyVoice),
            ["Stappen bewust vertraagd"] = tasks.Count(t => t.SlowedUntil is not null),
        };

        // Copies keep their shape's length, so a long traject may begin years before the window: every year is summed.
        var totals = new Dictionary<string, int>();
        for (var year = 2020; year <= 2026; year++)
            foreach (var row in (await host.Service<HalfjaarcijfersService>().ForYearAsync(year)).Rijen.SkipWhile(r => r.Onderdeel != HalfjaarcijfersService.OpbrengstKop).Skip(1))
                totals[row.Onderdeel] = totals.GetValueOrDefault(row.Onderdeel) + row.Totaal;

        Assert.Equal(expected, totals);
        // The generator's outcomes are uniform, so a court measure (five chance steps deep) is too rare to appear in a
        // generated year; its end and the return to vrijwilligheid are counted on a moved clock in
        // MaatregelOpbrengstScenarioTests. Every other figure must have something to count, so none is equal at zero only.
        Assert.All(expected.Where(e => !e.Key.StartsWith("Maatregelen beëindigd", StringComparison.Ordinal) && !e.Key.StartsWith("Terugkeer", StringComparison.Ordinal)),
            e => Assert.True(e.Value > 0, $"{e.Key}: nothing generated to count"));
    }

    private static bool HasFamilyVoice(UserTask task) =>
        task.ResultJson is { } json && JsonDocument.Parse(json).RootElement is { ValueKind: JsonValueKind.Object } result
        && result.TryGetProperty("gezinEens", out var eens) && eens.GetString() is "ja" or "deels" or "nee";
}
