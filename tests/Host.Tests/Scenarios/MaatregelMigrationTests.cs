using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Host.Features.Migrations;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.InstanceMigration;
using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>
/// The shipped plan (workflows-json/migrations/rvt-maatregel-v1-naar-v2.json) moves maatregelen still on the first version
/// to the corrected one, registered on 2 March 2026 for beschikkingen of earlier dates: every term is counted again from
/// the beschikking, a voorlopige OTS goes to the question whether the kinderrechter decided (never to extending), and a
/// machtiging's lapse question comes two weeks before three months after its own beschikking.
/// </summary>
public sealed class MaatregelMigrationTests
{
    private const string Ots = "RVT-2026-0801", VoorlopigeOts = "RVT-2026-0802", Machtiging = "RVT-2026-0803", Voogdij = "RVT-2026-0804";

    // 00:00 in Amsterdam on the given day, as a UTC moment (summer time from 29 March 2026).
    private static DateTimeOffset Midnight(int year, int month, int day) =>
        new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).AddHours(month is > 3 and < 11 || (month == 3 && day > 29) ? -2 : -1);

    [Fact]
    public async Task ShippedPlan_MovesFirstVersionMaatregelen_WithEveryTermCountedFromTheBeschikking()
    {
        await using var engine = ScenarioEngine.Start();
        var definitions = engine.Services.GetRequiredService<WorkflowDefinitionService>();
        var first = await definitions.ImportShippedAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Scenarios", "FirstVersion", "rvt-maatregel-v1.json")));
        var ots = await StartAsync(engine, Ots, "OTS", "2026-02-10", "2027-02-10");
        var vots = await StartAsync(engine, VoorlopigeOts, "Voorlopige OTS", "2026-02-20", "2026-05-20");
        var machtiging = await StartAsync(engine, Machtiging, "Machtiging uithuisplaatsing", "2026-02-10", "2027-02-10");
        var voogdij = await StartAsync(engine, Voogdij, "Voogdij", "2026-01-05", null);
        var corrected = await definitions.ImportShippedAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows-json", "rvt-maatregel.json")));
        var input = JsonSerializer.Deserialize<MigrationInput>(await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "workflows-json", "migrations", "rvt-maatregel-v1-naar-v2.json")), MigrationRunner.PlanJson)!;
        var migrator = engine.Services.GetRequiredService<InstanceMigrator>();
        var plan = await migrator.ResolveAsync((input with { SourceVersions = [first.Result.Record!.Version], TargetVersion = corrected.Result.Record!.Version }).ToPlan("rvt-maatregel"));

        var preview = await migrator.PreviewAsync(plan, [ots, vots, machtiging, voogdij]);
        Assert.All(preview, p => Assert.Null(p.Blocked));
        foreach (var impact in preview) Assert.Equal(MigrationOutcome.Moved, (await migrator.MigrateAsync(plan, impact.InstanceId, impact.InstanceVersion, "wetsfixes")).Outcome);

        // The OTS: the first evaluation three months after its beschikking, not after the registration; the request question ten weeks before its end.
        Assert.Equal([("wacht-evaluatie", Midnight(2026, 5, 10)), ("wacht-verzoek", Midnight(2026, 12, 2))], await TimersAsync(engine, ots));
        // The voorlopige OTS: the question whether the kinderrechter decided on the OTS request, two weeks before it ends; no extension question.
        Assert.Equal([("wacht-evaluatie", Midnight(2026, 5, 20)), ("wacht-vots", Midnight(2026, 5, 6))], await TimersAsync(engine, vots));
        // The machtiging: its lapse question two weeks before three months after its beschikking (10 May); evaluation and extension lapsed.
        Assert.Equal([("wacht-verval-vraag", Midnight(2026, 4, 26))], await TimersAsync(engine, machtiging));
        Assert.Equal([("wacht-evaluatie", Midnight(2026, 4, 5))], await TimersAsync(engine, voogdij));
        var moved = (await engine.Store.FindInstanceAsync(machtiging))!;
        Assert.Equal((corrected.Result.Record.Version, "Machtiging uithuisplaatsing"), (moved.DefinitionVersion, moved.Variables["soort"]));
        Assert.Equal("lopend", ((IReadOnlyDictionary<string, object?>)moved.Variables["machtiging"]!)["status"]);

        // And they go on in the corrected flow: the machtiging's question is due on the day it lapses, the voorlopige OTS asks for the decision.
        await engine.MoveToAsync(Midnight(2026, 4, 26));
        Assert.Equal(Midnight(2026, 5, 10), (await engine.TaskAsync(Machtiging, "Is de machtiging uithuisplaatsing uitgevoerd?")).DueAt);
        await engine.MoveToAsync(Midnight(2026, 5, 6));
        var decision = await engine.TaskAsync(VoorlopigeOts, "Voorlopige OTS loopt af: heeft de kinderrechter op het verzoek tot ondertoezichtstelling beslist?");
        Assert.Equal(Midnight(2026, 5, 20), decision.DueAt);
        Assert.Equal(["OTS uitgesproken", "Verzoek afgewezen", "Nog geen beslissing"], decision.Outcomes);
    }

    private static async Task<Guid> StartAsync(ScenarioEngine engine, string casus, string type, string start, string? eind) =>
        (await engine.Runtime.StartAsync("rvt-maatregel", Form(("type", type), ("startDatum", start), ("eindDatum", eind), ("inbrenger", Inbrenger)), casus)).InstanceId;

    private static async Task<List<(string, DateTimeOffset)>> TimersAsync(ScenarioEngine engine, Guid instanceId) =>
        [.. (await engine.TimersAsync(instanceId)).OrderBy(t => t.ActivityId, StringComparer.Ordinal).Select(t => (t.ActivityId, t.DueAt!.Value))];
}
