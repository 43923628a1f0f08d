using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>
/// Measures still running on the first version of the maatregel flow (published before the law fixes) cannot do its
/// harms: a voorlopige OTS is not extended, and a machtiging registered on its own ends only itself — neither its
/// lapse nor its end plans the return to vrijwilligheid or tells the traject the maatregel ended.
/// </summary>
public sealed class FirstVersionMaatregelTests
{
    private const string Casus = "RVT-2026-0701";

    private static async Task<ScenarioEngine> OnTheFirstVersionAsync()
    {
        var engine = ScenarioEngine.Start();
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Scenarios", "FirstVersion", "rvt-maatregel-v1.json"));
        // Published as the live version, as it was while these measures started.
        var import = await engine.Services.GetRequiredService<WorkflowDefinitionService>().ImportShippedAsync(json);
        Assert.Equal(ShippedImportOutcome.Upgraded, import.Outcome);
        return engine;
    }

    private static Task<StartResult> StartAsync(ScenarioEngine engine, string type, string eind) =>
        engine.Runtime.StartAsync("rvt-maatregel", Form(("type", type), ("startDatum", "2026-03-02"), ("eindDatum", eind), ("inbrenger", Inbrenger)), Casus);

    [Fact]
    public async Task Machtiging_OnTheFirstVersion_CannotLapseIntoTheReturnToVrijwilligheid_AndEndsAloneFromTheCasusPage()
    {
        await using var engine = await OnTheFirstVersionAsync();
        var machtiging = await StartAsync(engine, "Machtiging uithuisplaatsing", "2027-03-02");
        await engine.MoveToAsync(new DateTimeOffset(2026, 6, 2, 8, 0, 0, TimeSpan.Zero));
        var vraag = await engine.TaskAsync(Casus, "Machtiging uithuisplaatsing niet uitgevoerd? Na 3 maanden vervalt de machtiging");
        // The casus page shows the day it lapses, counted from its beschikking (the first version counted from the registration).
        var shown = (await engine.Services.GetRequiredService<MaatregelService>().FindAsync(machtiging.InstanceId))!.Machtiging!;
        Assert.Equal((MachtigingStatus.Lopend, (DateOnly?)new DateOnly(2026, 6, 2)), (shown.Status, shown.VervaltOp));

        var lapse = await engine.Runtime.CompleteTaskAsync(vraag.Id, "Vervallen", Form(), Inbrenger);

        Assert.Equal(ResumeOutcome.Rejected, lapse.Outcome);
        Assert.Contains("Beëindig de machtiging op de casuspagina", lapse.FieldErrors!["outcome"]);
        var ended = await engine.Services.GetRequiredService<MaatregelService>()
            .EndAsync(machtiging.InstanceId, "Vervallen: niet binnen drie maanden uitgevoerd", "jeugdbeschermer");
        Assert.Equal((DomainOutcome.Ok, MaatregelStatus.Beeindigd), (ended.Outcome, ended.Value!.Status));
        var instance = await engine.Store.FindInstanceAsync(machtiging.InstanceId);
        Assert.Equal(WorkflowStatus.Cancelled, instance!.Status);
        Assert.Equal(false, instance.Variables["terugNaarVrijwilligheid"]);
        Assert.DoesNotContain(await engine.OpenTasksAsync(Casus), t => t.Title == TerugkeerPlannen);
    }

    [Fact]
    public async Task VoorlopigeOts_OnTheFirstVersion_IsNotExtended()
    {
        await using var engine = await OnTheFirstVersionAsync();
        await StartAsync(engine, "Voorlopige OTS", "2026-06-02");
        await engine.MoveToAsync(new DateTimeOffset(2026, 3, 24, 0, 0, 0, TimeSpan.Zero));
        var vraag = await engine.TaskAsync(Casus, "Verlengen of beëindigen?");

        var extended = await engine.Runtime.CompleteTaskAsync(vraag.Id, "Verlengen", Form(("nieuweEindDatum", "2026-09-02")), Inbrenger);

        Assert.Equal(ResumeOutcome.Rejected, extended.Outcome);
        Assert.Contains("Een voorlopige OTS wordt niet verlengd", extended.FieldErrors!["nieuweEindDatum"]);
    }
}
