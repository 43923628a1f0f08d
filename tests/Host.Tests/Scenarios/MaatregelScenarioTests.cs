using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>A maatregel, started on its own per measure: its evaluations, its end date, a lapsing machtiging, and ending it.</summary>
public sealed class MaatregelScenarioTests
{
    /// <summary>Ten weeks before an end date of 2 March 2027: 22 December 2026, 00:00 in Amsterdam (UTC+1).</summary>
    private static readonly DateTimeOffset TenWeeksBeforeMarch2 = new(2026, 12, 21, 23, 0, 0, TimeSpan.Zero);

    private const string Casus = "RVT-2026-0601";
    private const string VerlengenOfBeeindigen = "Verlengen of beëindigen?";
    private const string MachtigingVervalt = "Machtiging uithuisplaatsing niet uitgevoerd? Na 3 maanden vervalt de machtiging";

    /// <summary>First evaluation: P3M after 2 March 10:00 CET is 2 June 10:00 CEST.</summary>
    private static readonly DateTimeOffset FirstEvaluation = new(2026, 6, 2, 8, 0, 0, TimeSpan.Zero);

    private static Task<StartResult> StartAsync(ScenarioEngine engine, string type, string? eindDatum, string casus = Casus) =>
        engine.Runtime.StartAsync("rvt-maatregel",
            Form(("type", type), ("startDatum", "2026-03-02"), ("eindDatum", eindDatum), ("inbrenger", Inbrenger)), casus);

    private static async Task<IReadOnlyList<DateTimeOffset>> TimerDuesAsync(ScenarioEngine engine, Guid instanceId) =>
        [.. (await engine.TimersAsync(instanceId)).Select(t => t.DueAt!.Value).Order()];

    [Fact]
    public async Task Evaluatie_SchedulesTheNextOneThreeMonthsLater_WhenVoortzetten()
    {
        await using var engine = ScenarioEngine.Start();
        var maatregel = await StartAsync(engine, "OTS", "2027-03-02");
        Assert.Equal([FirstEvaluation, TenWeeksBeforeMarch2], await TimerDuesAsync(engine, maatregel.InstanceId));

        Assert.Equal(0, await engine.MoveToAsync(FirstEvaluation.AddMinutes(-1)));
        Assert.Empty(await engine.OpenTasksAsync(Casus));
        Assert.Equal(1, await engine.MoveToAsync(FirstEvaluation));
        var evaluatie = await engine.TaskAsync(Casus, MaatregelEvaluatie);
        Assert.Equal(Inbrenger, evaluatie.Assignee);
        Assert.Equal(new DateTimeOffset(2026, 6, 16, 8, 0, 0, TimeSpan.Zero), evaluatie.DueAt); // 10 werkdagen
        Assert.Equal(["netwerk", "afsprakenNagekomen", "gezinHeeftRegie", "hulpVrijwilligAanvaard"],
            evaluatie.Form.Where(f => f.Type == "boolean").Select(f => f.Name));
        Assert.Equal(["Voortzetten", "Beëindigen"], evaluatie.Outcomes);

        await engine.MoveToAsync(new DateTimeOffset(2026, 6, 10, 12, 0, 0, TimeSpan.Zero));
        await engine.CompleteAsync(Casus, MaatregelEvaluatie, "Voortzetten", MaatregelChecklist(false));

        // Three months after the evaluation was done: 10 June 14:00 CEST → 10 September 14:00 CEST.
        Assert.Equal([new DateTimeOffset(2026, 9, 10, 12, 0, 0, TimeSpan.Zero), TenWeeksBeforeMarch2],
            await TimerDuesAsync(engine, maatregel.InstanceId));
        Assert.Empty(await engine.OpenTasksAsync(Casus));
        Assert.Equal(1, await engine.MoveToAsync(new DateTimeOffset(2026, 9, 10, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(Inbrenger, (await engine.TaskAsync(Casus, MaatregelEvaluatie)).Assignee);
    }

    [Fact]
    public async Task Evaluatie_EndsTheMaatregelAndCancelsItsTimers_WhenBeeindigen()
    {
        await using var engine = ScenarioEngine.Start();
        var maatregel = await StartAsync(engine, "Machtiging uithuisplaatsing", "2027-03-02");
        Assert.Equal(3, (await engine.TimersAsync(maatregel.InstanceId)).Count);
        await engine.MoveToAsync(FirstEvaluation);
        await engine.CompleteAsync(Casus, MachtigingVervalt, "Uitgevoerd");

        await engine.CompleteAsync(Casus, MaatregelEvaluatie, "Beëindigen", MaatregelChecklist(true));

        var ending = await engine.InstanceAsync(Casus, "rvt-maatregel");
        Assert.Equal(true, ending.Variables["terugNaarVrijwilligheid"]);
        var terugkeer = Assert.Single(await engine.OpenTasksAsync(Casus));
        Assert.Equal((TerugkeerPlannen, Inbrenger), (terugkeer.Title, terugkeer.Assignee));
        Assert.Equal(["Netwerkberaad", "Begeleiding in duo", "Beide"], terugkeer.Outcomes);

        await engine.CompleteAsync(Casus, TerugkeerPlannen, "Beide");

        var ended = await engine.InstanceAsync(Casus, "rvt-maatregel");
        Assert.Equal(WorkflowStatus.Finished, ended.Status);
        Assert.Equal("beide", ended.Variables["vervolg"]);
        Assert.Empty(await engine.TimersAsync(maatregel.InstanceId));
        Assert.Empty(await engine.Store.GetBookmarksAsync(maatregel.InstanceId));
        Assert.Equal(0, await engine.MoveToAsync(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Empty(await engine.OpenTasksAsync(Casus));
    }

    [Fact]
    public async Task Einddatum_PromptsTenWeeksBefore_AndNotEarlier()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAsync(engine, "Voorlopige OTS", "2026-06-02");
        var tenWeeksBefore = new DateTimeOffset(2026, 3, 23, 23, 0, 0, TimeSpan.Zero); // 24 March 00:00 Amsterdam: ten weeks before 2 June

        Assert.Equal(0, await engine.MoveToAsync(tenWeeksBefore.AddMinutes(-1)));
        Assert.Empty(await engine.OpenTasksAsync(Casus));
        Assert.Equal(1, await engine.MoveToAsync(tenWeeksBefore));

        var vraag = Assert.Single(await engine.OpenTasksAsync(Casus));
        Assert.Equal((VerlengenOfBeeindigen, Inbrenger), (vraag.Title, vraag.Assignee));
        Assert.Equal(["Verlengen", "Beëindigen"], vraag.Outcomes);
        Assert.Contains("loopt af op 2026-06-02", vraag.Description);
        // 10 werkdagen from 24 March 00:00 CET: Tweede Paasdag (6 April) skipped, 8 April 00:00 in summer time.
        Assert.Equal(new DateTimeOffset(2026, 4, 7, 22, 0, 0, TimeSpan.Zero), vraag.DueAt);
    }

    [Fact]
    public async Task Einddatum_MovesThePromptToTheNewEndDate_WhenVerlengen()
    {
        await using var engine = ScenarioEngine.Start();
        var maatregel = await StartAsync(engine, "OTS", "2026-06-02");
        await engine.MoveToAsync(new DateTimeOffset(2026, 3, 24, 0, 0, 0, TimeSpan.Zero));

        await engine.CompleteAsync(Casus, VerlengenOfBeeindigen, "Verlengen", Form(("nieuweEindDatum", "2026-12-02")));

        Assert.Equal("2026-12-02", (await engine.InstanceAsync(Casus, "rvt-maatregel")).Variables["eindDatum"]);
        Assert.Equal([FirstEvaluation, new DateTimeOffset(2026, 9, 22, 22, 0, 0, TimeSpan.Zero)], await TimerDuesAsync(engine, maatregel.InstanceId));
    }

    [Fact]
    public async Task Einddatum_AsksForTheNewDate_WhenVerlengenWithoutOne()
    {
        await using var engine = ScenarioEngine.Start();
        var maatregel = await StartAsync(engine, "OTS", "2026-06-02");
        await engine.MoveToAsync(new DateTimeOffset(2026, 3, 24, 0, 0, 0, TimeSpan.Zero));

        await engine.CompleteAsync(Casus, VerlengenOfBeeindigen, "Verlengen");
        var invullen = await engine.TaskAsync(Casus, "Einddatum van de maatregel invullen");
        Assert.True(invullen.Form.Single(f => f.Name == "eindDatum").Required);
        await engine.CompleteAsync(Casus, invullen.Title, "Ingevuld", Form(("eindDatum", "2027-03-02")));

        Assert.Contains(TenWeeksBeforeMarch2, await TimerDuesAsync(engine, maatregel.InstanceId));
    }

    [Fact]
    public async Task Einddatum_EndsTheMaatregel_WhenBeeindigen()
    {
        await using var engine = ScenarioEngine.Start();
        var maatregel = await StartAsync(engine, "OTS", "2026-06-02");
        await engine.MoveToAsync(new DateTimeOffset(2026, 3, 24, 0, 0, 0, TimeSpan.Zero));

        await engine.CompleteAsync(Casus, VerlengenOfBeeindigen, "Beëindigen", Form(("toelichting", "Netwerk staat")));
        await engine.CompleteAsync(Casus, TerugkeerPlannen, "Netwerkberaad");

        var ended = await engine.InstanceAsync(Casus, "rvt-maatregel");
        Assert.Equal((WorkflowStatus.Finished, (object?)true, (object?)"netwerkberaad"),
            (ended.Status, ended.Variables["terugNaarVrijwilligheid"], ended.Variables["vervolg"]));
        Assert.Empty(await engine.TimersAsync(maatregel.InstanceId));
    }

    [Fact]
    public async Task Machtiging_PromptsAfterThreeMonths_OnlyForAMachtigingUithuisplaatsing()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAsync(engine, "Machtiging uithuisplaatsing", "2027-03-02", "RVT-2026-0602");
        await StartAsync(engine, "OTS", "2027-03-02", "RVT-2026-0603");

        Assert.Equal(0, await engine.MoveToAsync(FirstEvaluation.AddMinutes(-1)));
        Assert.Empty(await engine.OpenTasksAsync("RVT-2026-0602"));
        Assert.Equal(3, await engine.MoveToAsync(FirstEvaluation)); // two evaluations and one machtiging prompt

        var machtiging = await engine.TaskAsync("RVT-2026-0602", MachtigingVervalt);
        Assert.Equal(Inbrenger, machtiging.Assignee);
        Assert.Equal(new DateTimeOffset(2026, 6, 4, 8, 0, 0, TimeSpan.Zero), machtiging.DueAt); // 2 werkdagen
        Assert.Equal(["Uitgevoerd", "Vervallen"], machtiging.Outcomes);
        Assert.Equal([MaatregelEvaluatie], (await engine.OpenTasksAsync("RVT-2026-0603")).Select(t => t.Title));
    }

    [Fact]
    public async Task Machtiging_LeadsToTheReturnToVrijwilligheid_WhenItLapsed()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAsync(engine, "Machtiging uithuisplaatsing", "2027-03-02");
        await engine.MoveToAsync(FirstEvaluation);

        await engine.CompleteAsync(Casus, MachtigingVervalt, "Vervallen");

        Assert.Equal(true, (await engine.InstanceAsync(Casus, "rvt-maatregel")).Variables["terugNaarVrijwilligheid"]);
        Assert.Equal(Inbrenger, (await engine.TaskAsync(Casus, TerugkeerPlannen)).Assignee);
    }

    [Fact]
    public async Task Voogdij_HasNoEndDatePrompt_WhenStartedWithoutAnEndDate()
    {
        await using var engine = ScenarioEngine.Start();

        var voogdij = await StartAsync(engine, "Voogdij", null);

        Assert.Equal([FirstEvaluation], await TimerDuesAsync(engine, voogdij.InstanceId));
        Assert.Empty(await engine.OpenTasksAsync(Casus));
    }

    [Fact]
    public async Task Maatregel_AsksForTheEndDate_WhenAnOtsIsStartedWithoutOne()
    {
        await using var engine = ScenarioEngine.Start();

        await StartAsync(engine, "OTS", null);

        var invullen = Assert.Single(await engine.OpenTasksAsync(Casus));
        Assert.Equal(("Einddatum van de maatregel invullen", Inbrenger), (invullen.Title, invullen.Assignee));
    }
}
