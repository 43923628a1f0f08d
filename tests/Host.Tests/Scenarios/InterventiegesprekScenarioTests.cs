using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>The interventiegesprek RvdK route: the readiness check slows down, the gesprek decides, a maatregel follows only from the court.</summary>
public sealed class InterventiegesprekScenarioTests
{
    private const string Casus = "RVT-2026-0201";

    [Fact]
    public async Task Gereedheidscheck_SendsTheMissingItemsBackToTheInbrenger_WhenNotReady()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Interventiegesprek RvdK");
        var check = await engine.TaskAsync(Casus, Gereedheidscheck);
        Assert.Equal("RvtChair", check.CandidateGroup);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), check.DueAt);
        Assert.Equal(["ernstigeBedreiging", "zorgNietAanvaard", "verantwoordelijkheidTerug", "oudersWetenProces", "zorgenEnKrachten"],
            check.Form.Where(f => f.Type == "boolean").Select(f => f.Name));
        Assert.Equal(["Gereed", "Nog te vroeg", "Niet gereed"], check.Outcomes);

        await engine.CompleteAsync(Casus, Gereedheidscheck, "Niet gereed",
            Gereedheid(gronden: true, ouders: true, zorgen: false, zonderGrond: "zorgNietAanvaard"), Chair);

        var aanvullen = Assert.Single(await engine.OpenTasksAsync(Casus));
        Assert.Equal("Aanvullen: grond: zorg niet of onvoldoende aanvaard, zorgen en krachten op papier", aanvullen.Title);
        Assert.Equal(Inbrenger, aanvullen.Assignee);
        Assert.Contains("het is niet vastgesteld dat de nodige zorg niet of onvoldoende wordt aanvaard, ook niet in het vrijwillig kader met het netwerk", aanvullen.Description);
        Assert.Contains("zorgen en krachten staan nog niet op papier", aanvullen.Description);
        Assert.DoesNotContain("ouders", aanvullen.Description);

        await engine.CompleteAsync(Casus, aanvullen.Title, "Aangevuld", Form(("toelichting", "Krachten beschreven, hulp ingezet")));

        Assert.Equal("RvtChair", (await engine.TaskAsync(Casus, Gereedheidscheck)).CandidateGroup);
    }

    [Fact]
    public async Task Gereedheidscheck_StillSendsBack_WhenMarkedReadyWithAnItemUnchecked()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Interventiegesprek RvdK");

        await engine.CompleteAsync(Casus, Gereedheidscheck, "Gereed", Gereedheid(gronden: true, ouders: false, zorgen: true), Chair);

        var aanvullen = Assert.Single(await engine.OpenTasksAsync(Casus));
        Assert.Equal("Aanvullen: ouders informeren over het proces", aanvullen.Title);
        Assert.Contains("de ouders weten nog niet welk proces volgt", aanvullen.Description);
    }

    /// <summary>An OTS needs its three grounds together: with any one not established, the check goes back however it was marked.</summary>
    [Theory]
    [InlineData("ernstigeBedreiging", "Aanvullen: grond: ernstige bedreiging van de ontwikkeling")]
    [InlineData("zorgNietAanvaard", "Aanvullen: grond: zorg niet of onvoldoende aanvaard")]
    [InlineData("verantwoordelijkheidTerug", "Aanvullen: grond: ouders binnen aanvaardbare termijn weer verantwoordelijk")]
    public async Task Gereedheidscheck_SendsBack_WhenAnyOfTheThreeGroundsIsMissing(string grond, string title)
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Interventiegesprek RvdK");

        await engine.CompleteAsync(Casus, Gereedheidscheck, "Gereed", Gereedheid(gronden: true, ouders: true, zorgen: true, zonderGrond: grond), Chair);

        Assert.Equal([title], (await engine.OpenTasksAsync(Casus)).Select(t => t.Title));
    }

    [Fact]
    public async Task Gereedheidscheck_NogTeVroeg_LetsTheInbrengerSayWhatToTryFirst_AndTheTrajectTakesThatRoute()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Interventiegesprek RvdK");

        await engine.CompleteAsync(Casus, Gereedheidscheck, "Nog te vroeg",
            Gereedheid(gronden: false, ouders: true, zorgen: true, toelichting: "netwerk is nog niet gevraagd"), Chair);

        var eerst = await engine.TaskAsync(Casus, "Nog te vroeg voor de Raad: wat proberen we eerst in het vrijwillig kader?");
        Assert.Equal(Inbrenger, eerst.Assignee);
        Assert.Equal(["Netwerkberaad", "Begeleiding in duo"], eerst.Outcomes);
        Assert.Contains("nog te vroeg (netwerk is nog niet gevraagd)", eerst.Description);
        await engine.CompleteAsync(Casus, eerst.Title, "Netwerkberaad", Form(("watEerst", "Oma en de buurvrouw vragen mee te denken")));

        Assert.Equal("netwerkberaad", await VariableAsync(engine, Casus, "route"));
        Assert.Equal(Inbrenger, (await engine.TaskAsync(Casus, NetwerkberaadPlannen)).Assignee);
    }

    [Fact]
    public async Task Interventiegesprek_ReviewsAfsprakenAfterThreeMonths_WhenVrijwilligKaderContinues()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Interventiegesprek RvdK");
        await engine.CompleteAsync(Casus, Gereedheidscheck, "Gereed", Gereedheid(true, true, true), Chair);
        var plannen = await engine.CompleteAsync(Casus, "Interventiegesprek met de RvdK plannen", "Gepland", Form(("datum", "2026-03-12")));
        Assert.Equal(Inbrenger, plannen.Assignee);

        var gesprek = await engine.TaskAsync(Casus, "Interventiegesprek voeren");
        Assert.Equal(("RvdK", (string?)null), (gesprek.CandidateGroup, gesprek.Assignee));
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero), gesprek.DueAt); // the planned day
        await engine.CompleteAsync(Casus, gesprek.Title, "Vrijwillig kader met afspraken", user: "raad1");
        await engine.CompleteAsync(Casus, "Afspraken uit het interventiegesprek op de Veiligheidskaart zetten", "Vastgelegd", Afspraken());

        // P3M on the Amsterdam wall clock: 10:00 CET on 2 March becomes 10:00 CEST on 2 June.
        var reviewDue = new DateTimeOffset(2026, 6, 2, 8, 0, 0, TimeSpan.Zero);
        var rvdk = await engine.InstanceAsync(Casus, "rvt-interventiegesprek-rvdk");
        Assert.Equal(reviewDue, Assert.Single(await engine.TimersAsync(rvdk.Id)).DueAt);
        Assert.Equal(0, await engine.MoveToAsync(reviewDue.AddMinutes(-1)));
        Assert.Equal(1, await engine.MoveToAsync(reviewDue));
        await engine.CompleteAsync(Casus, "Review afspraken vrijwillig kader", "Nog een review");
        Assert.Equal(new DateTimeOffset(2026, 9, 2, 8, 0, 0, TimeSpan.Zero), Assert.Single(await engine.TimersAsync(rvdk.Id)).DueAt);
        await engine.MoveToAsync(new DateTimeOffset(2026, 9, 2, 8, 0, 0, TimeSpan.Zero));
        // The region's default is two reviews: asking for a third ends the series with a choice, not another wait.
        await engine.CompleteAsync(Casus, "Review afspraken vrijwillig kader", "Nog een review");
        Assert.Empty(await engine.TimersAsync(rvdk.Id));
        var laatste = await engine.TaskAsync(Casus, "Laatste review: afsluiten of raadsonderzoek?");
        Assert.Equal(["Afspraken werken", "RvdK start onderzoek", "Terug naar de tafel"], laatste.Outcomes);
        await engine.CompleteAsync(Casus, laatste.Title, "Afspraken werken");

        await engine.CompleteAsync(Casus, Afsluiten, "Afgesloten: veilig genoeg", Form(("reden", "Afspraken werken")));
        var traject = await engine.InstanceAsync(Casus, "rvt-traject");
        Assert.Equal(WorkflowStatus.Finished, traject.Status);
        Assert.Equal("interventiegesprek-rvdk", traject.Variables["zwaarsteRoute"]);
        Assert.Null(traject.Variables["vervolg"]);
    }

    [Fact]
    public async Task Traject_StartsMaatregelAndReturnsToNetwerkberaad_WhenRvdkOnderzoekEndsInAMaatregel()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Interventiegesprek RvdK");
        await engine.CompleteAsync(Casus, Gereedheidscheck, "Gereed", Gereedheid(true, true, true), Chair);
        await engine.CompleteAsync(Casus, "Interventiegesprek met de RvdK plannen", "Gepland", Form(("datum", "2026-03-12")));
        await engine.CompleteAsync(Casus, "Interventiegesprek voeren", "RvdK start onderzoek", user: "raad1");
        var uitkomst = await engine.TaskAsync(Casus, "Uitkomst raadsonderzoek");
        Assert.Equal(Inbrenger, uitkomst.Assignee);
        Assert.Equal(new DateTimeOffset(2026, 5, 25, 8, 0, 0, TimeSpan.Zero), uitkomst.DueAt); // P12W, across the DST change
        await engine.CompleteAsync(Casus, uitkomst.Title, "Maatregel uitgesproken");
        var registreren = await engine.TaskAsync(Casus, "Beschikking registreren: maatregel uitgesproken");
        Assert.Equal((null, "Jeugdbeschermer"), (registreren.Assignee, registreren.CandidateGroup));
        Assert.Equal(["OTS", "Voorlopige OTS", "Voogdij"], registreren.Form.Single(f => f.Name == "type").Options!);
        Assert.Equal(["Geen", "Machtiging uithuisplaatsing", "Spoedmachtiging"], registreren.Form.Single(f => f.Name == "machtiging").Options!);

        await engine.CompleteAsync(Casus, registreren.Title, "Geregistreerd",
            Form(("type", "OTS"), ("startDatum", "2026-03-02"), ("eindDatum", "2027-03-02"), ("machtiging", "Machtiging uithuisplaatsing"),
                ("machtigingStartDatum", "2026-03-02"), ("machtigingEindDatum", "2026-09-02")), "jeugdbeschermer");

        var rvdk = await engine.InstanceAsync(Casus, "rvt-interventiegesprek-rvdk");
        Assert.Equal("maatregel", rvdk.Variables["vervolg"]);
        var maatregel = await engine.InstanceAsync(Casus, "rvt-maatregel");
        Assert.Equal(WorkflowStatus.Suspended, maatregel.Status);
        Assert.Equal("OTS", maatregel.ReadInput()["type"]);
        Assert.Equal(Inbrenger, maatregel.ReadInput()["inbrenger"]);
        // Registered together: the machtiging lives within the OTS; the GI's jeugdbeschermer who registered it carries it out.
        Assert.Equal("jeugdbeschermer", maatregel.ReadInput()["jeugdbeschermer"]);
        Assert.Equal("lopend", ((IReadOnlyDictionary<string, object?>)maatregel.Variables["machtiging"]!)["status"]);
        Assert.Equal("maatregel", await VariableAsync(engine, Casus, "zwaarsteRoute"));
        // Counted from the beschikking of 2 March, in Amsterdam: the machtiging's lapse question two weeks before 2 June,
        // the evaluation on 2 June 00:00, the extension question ten weeks before 2 March 2027.
        Assert.Equal(
            [new DateTimeOffset(2026, 5, 18, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 1, 22, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 12, 21, 23, 0, 0, TimeSpan.Zero)],
            (await engine.TimersAsync(maatregel.Id)).Select(t => t.DueAt!.Value).Order());

        await engine.MoveToAsync(new DateTimeOffset(2026, 6, 2, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal("jeugdbeschermer", (await engine.TaskAsync(Casus, MaatregelEvaluatie)).Assignee);
        await engine.CompleteAsync(Casus, MaatregelEvaluatie, "Beëindigd door de GI", MaatregelChecklist(true), "jeugdbeschermer");
        await engine.CompleteAsync(Casus, TerugkeerPlannen, "Netwerkberaad");

        Assert.Equal(WorkflowStatus.Finished, (await engine.InstanceAsync(Casus, "rvt-maatregel")).Status);
        Assert.Empty(await engine.TimersAsync(maatregel.Id));
        Assert.Equal(Inbrenger, (await engine.TaskAsync(Casus, NetwerkberaadPlannen)).Assignee);
        Assert.Equal("netwerkberaad", await VariableAsync(engine, Casus, "route"));
        Assert.Equal("maatregel", await VariableAsync(engine, Casus, "zwaarsteRoute"));
    }

    [Fact]
    public async Task Netwerkberaad_EscalatesToTheReadinessCheck_WhenEvaluatieSaysOpschalen()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Netwerkberaad");
        await NetwerkberaadScenarioTests.HoldNetwerkberaadAsync(engine, Casus);
        await engine.AdvanceAsync(TimeSpan.FromDays(42));

        await engine.CompleteAsync(Casus, "Evaluatie netwerkberaad: werken de afspraken?", "Opschalen", Form(("toelichting", "Afspraken houden geen stand")));

        Assert.Equal("interventiegesprek-rvdk", (await engine.InstanceAsync(Casus, "rvt-netwerkberaad")).Variables["vervolg"]);
        Assert.Equal("RvtChair", (await engine.TaskAsync(Casus, Gereedheidscheck)).CandidateGroup);
        Assert.Equal("interventiegesprek-rvdk", await VariableAsync(engine, Casus, "route"));
        Assert.Equal("interventiegesprek-rvdk", await VariableAsync(engine, Casus, "zwaarsteRoute"));
    }

    [Fact]
    public async Task Maatregel_RegisteredByTheTrajectsTask_IsTheOneTheCasusPageShowsAndEnds_AndTheTrajectMovesOn()
    {
        await using var engine = ScenarioEngine.Start();
        var maatregelen = engine.Services.GetRequiredService<MaatregelService>();
        await StartAtRouteAsync(engine, Casus, "Interventiegesprek RvdK");
        await engine.CompleteAsync(Casus, Gereedheidscheck, "Gereed", Gereedheid(true, true, true), Chair);
        await engine.CompleteAsync(Casus, "Interventiegesprek met de RvdK plannen", "Gepland", Form(("datum", "2026-03-12")));
        await engine.CompleteAsync(Casus, "Interventiegesprek voeren", "RvdK start onderzoek", user: "raad1");
        await engine.CompleteAsync(Casus, "Uitkomst raadsonderzoek", "Maatregel uitgesproken");
        var registreren = await engine.TaskAsync(Casus, "Beschikking registreren: maatregel uitgesproken");

        // The task's form rule holds the law: an OTS of more than a year is refused, naming the field, and nothing moves.
        var tooLong = await engine.Runtime.CompleteTaskAsync(registreren.Id, "Geregistreerd",
            Form(("type", "OTS"), ("startDatum", "2026-03-02"), ("eindDatum", "2027-06-02")), Inbrenger);
        Assert.Equal(ResumeOutcome.Rejected, tooLong.Outcome);
        Assert.Contains("ten hoogste 12 maanden", tooLong.FieldErrors!["eindDatum"]);
        Assert.Empty(await maatregelen.ListAsync(Casus));

        await engine.CompleteAsync(Casus, registreren.Title, "Geregistreerd",
            Form(("type", "OTS"), ("startDatum", "2026-03-02"), ("eindDatum", "2027-03-02")));
        var maatregel = Assert.Single(await maatregelen.ListAsync(Casus));
        Assert.Equal((MaatregelType.Ots, MaatregelStatus.Lopend, (DateOnly?)new DateOnly(2027, 3, 2)), (maatregel.Type, maatregel.Status, maatregel.EindDatum));

        var ended = await maatregelen.EndAsync(maatregel.Id, "Rechter heeft de OTS opgeheven; regie terug bij het gezin", Inbrenger);

        Assert.Equal(MaatregelStatus.Beeindigd, ended.Value!.Status);
        Assert.Empty(await engine.TimersAsync(maatregel.Id));
        await engine.CompleteAsync(Casus, TerugkeerPlannen, "Begeleiding in duo");
        Assert.Equal(WorkflowStatus.Finished, (await engine.InstanceAsync(Casus, "rvt-maatregel")).Status);
        // The traject heard the end and went on to the return to vrijwilligheid it planned.
        Assert.Equal("begeleiding-in-duo", await VariableAsync(engine, Casus, "route"));
        Assert.Equal("maatregel", await VariableAsync(engine, Casus, "zwaarsteRoute"));
        Assert.Equal("Rechter heeft de OTS opgeheven; regie terug bij het gezin", (await maatregelen.FindAsync(maatregel.Id))!.EindReden);
    }
}
