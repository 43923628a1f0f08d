using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>
/// A maatregel as Book 1 of the Burgerlijk Wetboek has it, on a moved clock with exact Amsterdam moments: every term
/// counts from the beschikking; a voorlopige OTS is never extended; an OTS is extended only on the GI's request by the
/// kinderrechter; a machtiging lives within the OTS and its lapse ends only itself; voogdij ends only by the court.
/// </summary>
public sealed class MaatregelScenarioTests
{
    private const string Casus = "RVT-2026-0601";
    private const string Jeugdbeschermer = "jeugdbeschermer";
    private const string VerzoekVerlenging = "OTS loopt af: verzoekt de GI de kinderrechter om verlenging?";
    private const string BeschikkingVerlenging = "Beschikking van de kinderrechter op het verzoek tot verlenging";
    private const string VotsBeslissing = "Voorlopige OTS loopt af: heeft de kinderrechter op het verzoek tot ondertoezichtstelling beslist?";
    private const string VotsAfgelopen = "Voorlopige OTS afgelopen zonder beslissing op het OTS-verzoek";
    private const string MachtigingUitgevoerd = "Is de machtiging uithuisplaatsing uitgevoerd?";
    private const string SpoedBeslissing = "Spoedmachtiging: heeft de kinderrechter beslist op het verzoek om een machtiging uithuisplaatsing?";

    /// <summary>2 June 2026 00:00 in Amsterdam (summer time): three months after a beschikking of 2 March.</summary>
    private static readonly DateTimeOffset June2 = new(2026, 6, 1, 22, 0, 0, TimeSpan.Zero);

    private static Task<StartResult> StartAsync(ScenarioEngine engine, string type, string? eindDatum, object? machtiging = null, string start = "2026-03-02") =>
        engine.Runtime.StartAsync("rvt-maatregel", Form(("type", type), ("startDatum", start), ("eindDatum", eindDatum),
            ("machtiging", machtiging), ("inbrenger", Inbrenger), ("jeugdbeschermer", Jeugdbeschermer)), Casus);

    private static Dictionary<string, object?> Machtiging(string soort, string start, string eind) =>
        Form(("soort", soort), ("startDatum", start), ("eindDatum", eind));

    private static async Task<IReadOnlyList<DateTimeOffset>> TimerDuesAsync(ScenarioEngine engine, Guid instanceId) =>
        [.. (await engine.TimersAsync(instanceId)).Select(t => t.DueAt!.Value).Order()];

    private static Task<Maatregel?> ReadAsync(ScenarioEngine engine, Guid id) => engine.Services.GetRequiredService<MaatregelService>().FindAsync(id);

    private static async Task<ResumeResult> TryCompleteAsync(ScenarioEngine engine, string title, string outcome, Dictionary<string, object?> data) =>
        await engine.Runtime.CompleteTaskAsync((await engine.TaskAsync(Casus, title)).Id, outcome, data, Jeugdbeschermer);

    [Fact]
    public async Task Terms_CountFromTheBeschikking_NotFromTheRegistration()
    {
        // Registered on 10 June, past the first evaluation moment (2 June): the next one is 2 September 00:00, the extension question 22 December 00:00 (winter time).
        await using var engine = ScenarioEngine.Start(new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero));
        var ots = await StartAsync(engine, "OTS", "2027-03-02");

        Assert.Equal([new DateTimeOffset(2026, 9, 1, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 21, 23, 0, 0, TimeSpan.Zero)],
            await TimerDuesAsync(engine, ots.InstanceId));
        Assert.Empty(await engine.OpenTasksAsync(Casus));
        Assert.Equal(1, await engine.MoveToAsync(new DateTimeOffset(2026, 9, 1, 22, 0, 0, TimeSpan.Zero)));
        var evaluatie = await engine.TaskAsync(Casus, MaatregelEvaluatie);
        Assert.Equal((Jeugdbeschermer, "Jeugdbeschermer"), (evaluatie.Assignee, evaluatie.CandidateGroup));
        Assert.Equal(["Voortzetten", "Voortzetten, netwerkberaad starten", "Beëindigd door de GI", "Beëindigd door de kinderrechter"], evaluatie.Outcomes);

        // Done late, on 1 October: the next evaluation still keeps the beschikking's rhythm (2 December 00:00, winter time).
        await engine.MoveToAsync(new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero));
        await engine.CompleteAsync(Casus, MaatregelEvaluatie, "Voortzetten", MaatregelChecklist(false), Jeugdbeschermer);
        Assert.Equal([new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 21, 23, 0, 0, TimeSpan.Zero)],
            await TimerDuesAsync(engine, ots.InstanceId));
    }

    [Fact]
    public async Task Ots_IsExtendedOnlyByTheKinderrechtersBeschikking_OnTheGisRequest()
    {
        await using var engine = ScenarioEngine.Start();
        var ots = await StartAsync(engine, "OTS", "2026-06-02");
        var tenWeeksBefore = new DateTimeOffset(2026, 3, 23, 23, 0, 0, TimeSpan.Zero); // 24 March 00:00 (winter time)

        Assert.Equal(0, await engine.MoveToAsync(tenWeeksBefore.AddMinutes(-1)));
        Assert.Equal(1, await engine.MoveToAsync(tenWeeksBefore));
        var verzoek = await engine.TaskAsync(Casus, VerzoekVerlenging);
        Assert.Equal(Jeugdbeschermer, verzoek.Assignee);
        Assert.Equal(["Verzoek ingediend", "Geen verzoek: de OTS eindigt"], verzoek.Outcomes);
        Assert.Contains("loopt af op 2026-06-02", verzoek.Description);
        // 10 werkdagen from 24 March 00:00: Tweede Paasdag (6 April) skipped, 8 April 00:00 in summer time.
        Assert.Equal(new DateTimeOffset(2026, 4, 7, 22, 0, 0, TimeSpan.Zero), verzoek.DueAt);

        await engine.CompleteAsync(Casus, VerzoekVerlenging, "Verzoek ingediend", user: Jeugdbeschermer);
        var beschikking = await engine.TaskAsync(Casus, BeschikkingVerlenging);
        Assert.Equal(June2, beschikking.DueAt);
        Assert.NotEqual(ResumeOutcome.Resumed, (await TryCompleteAsync(engine, BeschikkingVerlenging, "Verlengd", Form())).Outcome);
        var tooLong = await TryCompleteAsync(engine, BeschikkingVerlenging, "Verlengd", Form(("nieuweEindDatum", "2027-06-03"), ("beschikkingsdatum", "2026-03-24")));
        Assert.Contains("ten hoogste 12 maanden tegelijk verlengd (tot uiterlijk 2027-06-02)", tooLong.FieldErrors!["nieuweEindDatum"]);
        var undated = await TryCompleteAsync(engine, BeschikkingVerlenging, "Verlengd", Form(("nieuweEindDatum", "2027-06-02"), ("beschikkingsdatum", "2026-04-01")));
        Assert.Contains("niet in de toekomst", undated.FieldErrors!["beschikkingsdatum"]);
        await engine.CompleteAsync(Casus, BeschikkingVerlenging, "Verlengd", Form(("nieuweEindDatum", "2027-06-02"), ("beschikkingsdatum", "2026-03-24")),
            Jeugdbeschermer);

        var verlengd = (await ReadAsync(engine, ots.InstanceId))!;
        Assert.Equal((MaatregelStatus.Verlengd, (DateOnly?)new DateOnly(2027, 6, 2)), (verlengd.Status, verlengd.EindDatum));
        // The next request question: ten weeks before 2 June 2027 is 24 March 2027 00:00 (winter time).
        Assert.Contains(new DateTimeOffset(2027, 3, 23, 23, 0, 0, TimeSpan.Zero), await TimerDuesAsync(engine, ots.InstanceId));
    }

    [Fact]
    public async Task Ots_EndsOnItsEndDate_WhenTheCourtRefusesTheExtension()
    {
        await using var engine = ScenarioEngine.Start();
        var ots = await StartAsync(engine, "OTS", "2026-06-02");
        await engine.MoveToAsync(new DateTimeOffset(2026, 3, 24, 0, 0, 0, TimeSpan.Zero));
        await engine.CompleteAsync(Casus, VerzoekVerlenging, "Verzoek ingediend", user: Jeugdbeschermer);
        await engine.CompleteAsync(Casus, BeschikkingVerlenging, "Verzoek afgewezen", user: Jeugdbeschermer);

        Assert.Equal(MaatregelStatus.Lopend, (await ReadAsync(engine, ots.InstanceId))!.Status);
        Assert.Empty(await engine.OpenTasksAsync(Casus));
        // The end date; the evaluation due at the same moment either comes first or is cancelled by the end.
        Assert.True(await engine.MoveToAsync(June2) >= 1);

        var ended = (await ReadAsync(engine, ots.InstanceId))!;
        Assert.Equal((MaatregelStatus.Beeindigd, "Verlenging afgewezen door de kinderrechter: de OTS liep af op 2026-06-02"), (ended.Status, ended.EindReden));
        Assert.Equal(Inbrenger, (await engine.TaskAsync(Casus, TerugkeerPlannen)).Assignee);
    }

    [Fact]
    public async Task VoorlopigeOts_IsNeverExtended_AndBecomesTheOtsTheCourtPronouncesOnTime()
    {
        await using var engine = ScenarioEngine.Start();
        var vots = await StartAsync(engine, "Voorlopige OTS", "2026-06-02");
        // Two weeks before its end: 19 May 00:00 (summer time); the first evaluation on 2 June 00:00.
        Assert.Equal([new DateTimeOffset(2026, 5, 18, 22, 0, 0, TimeSpan.Zero), June2], await TimerDuesAsync(engine, vots.InstanceId));

        await engine.MoveToAsync(new DateTimeOffset(2026, 5, 18, 22, 0, 0, TimeSpan.Zero));
        var vraag = await engine.TaskAsync(Casus, VotsBeslissing);
        Assert.Equal(["OTS uitgesproken", "Verzoek afgewezen", "Nog geen beslissing"], vraag.Outcomes);
        Assert.DoesNotContain(vraag.Outcomes, o => o.StartsWith("Verleng", StringComparison.Ordinal));
        Assert.Equal(June2, vraag.DueAt);
        Assert.NotEqual(ResumeOutcome.Resumed, (await TryCompleteAsync(engine, VotsBeslissing, "OTS uitgesproken",
            Form(("ingangsdatum", "2026-05-26"), ("otsEindDatum", "2027-05-27")))).Outcome); // more than 12 months

        await engine.CompleteAsync(Casus, VotsBeslissing, "OTS uitgesproken", Form(("ingangsdatum", "2026-05-26"), ("otsEindDatum", "2027-05-26")), Jeugdbeschermer);

        var ots = (await ReadAsync(engine, vots.InstanceId))!;
        Assert.Equal((MaatregelType.Ots, new DateOnly(2026, 5, 26), (DateOnly?)new DateOnly(2027, 5, 26), MaatregelStatus.Lopend),
            (ots.Type, ots.StartDatum, ots.EindDatum, ots.Status));
        // Now the OTS's extension question: ten weeks before 26 May 2027 is 17 March 2027 00:00 (winter time).
        Assert.Equal([June2, new DateTimeOffset(2027, 3, 16, 23, 0, 0, TimeSpan.Zero)], await TimerDuesAsync(engine, vots.InstanceId));
    }

    [Fact]
    public async Task VoorlopigeOts_RunsOut_WhenTheCourtDecidesTooLate_AndTheLateOtsIsRegisteredOnTheSameMaatregel()
    {
        await using var engine = ScenarioEngine.Start();
        var vots = await StartAsync(engine, "Voorlopige OTS", "2026-06-02");
        await engine.MoveToAsync(new DateTimeOffset(2026, 5, 18, 22, 0, 0, TimeSpan.Zero));
        await engine.CompleteAsync(Casus, VotsBeslissing, "Nog geen beslissing", user: Jeugdbeschermer);

        await engine.MoveToAsync(June2);

        Assert.Equal(MaatregelStatus.Afgelopen, (await ReadAsync(engine, vots.InstanceId))!.Status);
        var afgelopen = await engine.TaskAsync(Casus, VotsAfgelopen);
        Assert.Equal(["OTS uitgesproken", "Geen OTS"], afgelopen.Outcomes);
        Assert.Contains("op 2026-06-02 afgelopen", afgelopen.Description);
        await engine.CompleteAsync(Casus, VotsAfgelopen, "OTS uitgesproken", Form(("ingangsdatum", "2026-06-20"), ("otsEindDatum", "2027-06-20")), Jeugdbeschermer);

        var ots = (await ReadAsync(engine, vots.InstanceId))!;
        Assert.Equal((MaatregelType.Ots, new DateOnly(2026, 6, 20), MaatregelStatus.Lopend), (ots.Type, ots.StartDatum, ots.Status));
    }

    [Fact]
    public async Task Machtiging_RegisteredWithTheOts_LapsesAfterThreeUnexecutedMonthsFromTheBeschikking_WhileTheOtsRunsOn()
    {
        // Registered eighteen days late: the lapse still falls on 2 June, three months after the beschikking of 2 March.
        await using var engine = ScenarioEngine.Start(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        var ots = await StartAsync(engine, "OTS", "2027-03-02", Machtiging("Machtiging uithuisplaatsing", "2026-03-02", "2026-09-02"));
        Assert.Contains(new DateTimeOffset(2026, 5, 18, 22, 0, 0, TimeSpan.Zero), await TimerDuesAsync(engine, ots.InstanceId)); // 19 May: two weeks before

        await engine.MoveToAsync(new DateTimeOffset(2026, 5, 18, 22, 0, 0, TimeSpan.Zero));
        var vraag = await engine.TaskAsync(Casus, MachtigingUitgevoerd);
        Assert.Equal(June2, vraag.DueAt);
        Assert.Equal(["Uitgevoerd", "Niet uitgevoerd"], vraag.Outcomes);
        Assert.Contains("deze op 2026-06-02", vraag.Description);
        await engine.CompleteAsync(Casus, MachtigingUitgevoerd, "Niet uitgevoerd", user: Jeugdbeschermer);
        await engine.MoveToAsync(June2);

        var after = (await ReadAsync(engine, ots.InstanceId))!;
        Assert.Equal((MaatregelStatus.Lopend, MachtigingStatus.Vervallen), (after.Status, after.Machtiging!.Status));
        var instance = await engine.InstanceAsync(Casus, "rvt-maatregel");
        Assert.Equal((true, (object?)false), (instance.IsActive, instance.Variables["terugNaarVrijwilligheid"]));
        Assert.DoesNotContain(await engine.OpenTasksAsync(Casus), t => t.Title == TerugkeerPlannen);
        Assert.Equal([MaatregelEvaluatie], (await engine.OpenTasksAsync(Casus)).Select(t => t.Title));
    }

    [Fact]
    public async Task Machtiging_GrantedLater_AfterASpoedmachtiging_StaysWithinTheOts()
    {
        await using var engine = ScenarioEngine.Start(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
        var service = engine.Services.GetRequiredService<MaatregelService>();
        var ots = await StartAsync(engine, "OTS", "2027-03-02");

        var spoed = await service.RegisterMachtigingAsync(ots.InstanceId,
            new MachtigingGegevens(MaatregelType.Spoedmachtiging, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 15)), Jeugdbeschermer);
        Assert.Equal(DomainOutcome.Ok, spoed.Outcome);
        Assert.Equal((MaatregelType.Spoedmachtiging, MachtigingStatus.Lopend, (DateOnly?)null),
            (spoed.Value!.Machtiging!.Soort, spoed.Value.Machtiging.Status, spoed.Value.Machtiging.VervaltOp));
        var tooLong = await service.RegisterMachtigingAsync(ots.InstanceId,
            new MachtigingGegevens(MaatregelType.MachtigingUithuisplaatsing, new DateOnly(2026, 4, 2), new DateOnly(2027, 3, 3)), Jeugdbeschermer);
        Assert.Equal(DomainOutcome.Invalid, tooLong.Outcome);
        Assert.Contains("niet langer dan de (voorlopige) OTS (tot 2027-03-02)", tooLong.Errors["machtiging.eindDatum"]);
        Assert.Equal(DomainOutcome.Conflict, (await service.RegisterMachtigingAsync(ots.InstanceId,
            new MachtigingGegevens(MaatregelType.MachtigingUithuisplaatsing, new DateOnly(2026, 4, 2), new DateOnly(2026, 10, 2)), Jeugdbeschermer)).Outcome);

        var beslissing = await engine.TaskAsync(Casus, SpoedBeslissing);
        Assert.Equal(new DateTimeOffset(2026, 4, 14, 22, 0, 0, TimeSpan.Zero), beslissing.DueAt); // 15 April 00:00, summer time
        await engine.CompleteAsync(Casus, SpoedBeslissing, "Machtiging verleend", Form(("startDatum", "2026-04-14"), ("eindDatum", "2026-10-14")), Jeugdbeschermer);

        var machtiging = (await ReadAsync(engine, ots.InstanceId))!.Machtiging!;
        Assert.Equal((MaatregelType.MachtigingUithuisplaatsing, new DateOnly(2026, 4, 14), (DateOnly?)new DateOnly(2026, 7, 14)),
            (machtiging.Soort, machtiging.StartDatum, machtiging.VervaltOp));
        // Its lapse question: two weeks before 14 July, 30 June 00:00 (summer time).
        Assert.Contains(new DateTimeOffset(2026, 6, 29, 22, 0, 0, TimeSpan.Zero), await TimerDuesAsync(engine, ots.InstanceId));
    }

    [Fact]
    public async Task EarlyEnd_ByTheGi_EndsTheMachtigingWithIt_AndPlansTheReturnToVrijwilligheid()
    {
        await using var engine = ScenarioEngine.Start();
        var ots = await StartAsync(engine, "OTS", "2027-03-02", Machtiging("Machtiging uithuisplaatsing", "2026-03-02", "2026-09-02"));
        await engine.MoveToAsync(new DateTimeOffset(2026, 5, 18, 22, 0, 0, TimeSpan.Zero));
        await engine.CompleteAsync(Casus, MachtigingUitgevoerd, "Uitgevoerd", user: Jeugdbeschermer);
        await engine.MoveToAsync(June2);

        await engine.CompleteAsync(Casus, MaatregelEvaluatie, "Beëindigd door de GI", Form(("netwerk", true), ("afsprakenNagekomen", true),
            ("gezinHeeftRegie", true), ("hulpVrijwilligAanvaard", true), ("toelichting", "Netwerk draagt")), Jeugdbeschermer);

        var ended = (await ReadAsync(engine, ots.InstanceId))!;
        Assert.Equal((MaatregelStatus.Beeindigd, "Beëindigd door de GI: Netwerk draagt", MachtigingStatus.Beeindigd),
            (ended.Status, ended.EindReden, ended.Machtiging!.Status));
        Assert.Empty(await engine.TimersAsync(ots.InstanceId));
        Assert.Equal(Inbrenger, (await engine.TaskAsync(Casus, TerugkeerPlannen)).Assignee);
    }

    [Fact]
    public async Task Voogdij_EndsOnlyWithHerstelInHetGezag_ByTheCourt()
    {
        await using var engine = ScenarioEngine.Start();
        var voogdij = await StartAsync(engine, "Voogdij", null);
        Assert.Equal([June2], await TimerDuesAsync(engine, voogdij.InstanceId));

        await engine.MoveToAsync(June2);
        var evaluatie = await engine.TaskAsync(Casus, "Kan het gezag terug naar de ouder(s)?");
        Assert.Equal(["Voortzetten", "Voortzetten, netwerkberaad starten", "Verzoek herstel in het gezag ingediend"], evaluatie.Outcomes);
        Assert.Contains("herstel in het gezag", evaluatie.Description);
        await engine.CompleteAsync(Casus, evaluatie.Title, "Verzoek herstel in het gezag ingediend", user: Jeugdbeschermer);
        await engine.CompleteAsync(Casus, "Beslissing van de rechter over herstel in het gezag", "Verzoek afgewezen", user: Jeugdbeschermer);
        Assert.Equal(MaatregelStatus.Lopend, (await ReadAsync(engine, voogdij.InstanceId))!.Status);
        // Refused: the next evaluation keeps the beschikking's rhythm, 2 September 00:00.
        Assert.Equal([new DateTimeOffset(2026, 9, 1, 22, 0, 0, TimeSpan.Zero)], await TimerDuesAsync(engine, voogdij.InstanceId));

        await engine.MoveToAsync(new DateTimeOffset(2026, 9, 1, 22, 0, 0, TimeSpan.Zero));
        await engine.CompleteAsync(Casus, evaluatie.Title, "Verzoek herstel in het gezag ingediend", user: Jeugdbeschermer);
        await engine.CompleteAsync(Casus, "Beslissing van de rechter over herstel in het gezag", "Gezag hersteld", user: Jeugdbeschermer);
        var ended = (await ReadAsync(engine, voogdij.InstanceId))!;
        Assert.Equal((MaatregelStatus.Beeindigd, "Herstel in het gezag door de rechter"), (ended.Status, ended.EindReden));
    }

    [Fact]
    public async Task Maatregel_AsksTheJeugdbeschermerForTheEndDate_WhenAnOtsIsStartedWithoutOne()
    {
        await using var engine = ScenarioEngine.Start();

        await StartAsync(engine, "OTS", null);

        var invullen = Assert.Single(await engine.OpenTasksAsync(Casus));
        Assert.Equal(("Einddatum van de maatregel invullen", Jeugdbeschermer), (invullen.Title, invullen.Assignee));
    }
}
