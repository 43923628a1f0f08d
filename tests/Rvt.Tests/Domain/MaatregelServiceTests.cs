using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Tests.Domain;

/// <summary>The maatregel as the casus page sees it, read from its own (shipped) flow, whichever way it is registered or ends.</summary>
public sealed class MaatregelServiceTests
{
    private static async Task<string> CasusAsync(DomainFixture domain) =>
        (await domain.Trajecten.RegisterIntakeAsync(new CasusIntake
        {
            Organisatie = "Veilig Thuis", Hulpvraag = "Na de OTS: wat is nodig om terug te gaan naar vrijwillig?",
            Huishouden = Huishouden.GezinMetKinderen, Onveiligheid = Onveiligheid.Structureel,
        }, "prof1")).Value!.CasusCode;

    private static async Task<IReadOnlyList<UserTask>> MaatregelTasksAsync(DomainFixture domain, Guid maatregelId)
    {
        var code = (await domain.Engine.FindInstanceAsync(maatregelId))!.CorrelationId;
        return (await domain.Engine.FindOpenTasksAsync(new TaskQuery(CorrelationId: code))).Where(t => t.InstanceId == maatregelId).ToList();
    }

    [Fact]
    public async Task Registreer_StartsTheShippedFlow_AndTheMaatregelIsReadBackFromIt()
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = await CasusAsync(domain);

        var maatregel = (await domain.Maatregelen.RegisterAsync(code, MaatregelType.Ots, new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1), "prof1")).Value!;

        Assert.Equal((code, MaatregelType.Ots, new DateOnly(2026, 3, 1), (DateOnly?)new DateOnly(2027, 3, 1), MaatregelStatus.Lopend),
            (maatregel.CasusCode, maatregel.Type, maatregel.StartDatum, maatregel.EindDatum, maatregel.Status));
        // The first thing due is the evaluation three months after the beschikking: 1 June 00:00 Amsterdam (summer time).
        Assert.Equal(new DateTimeOffset(2026, 5, 31, 22, 0, 0, TimeSpan.Zero), maatregel.VolgendeTermijn);
        var instance = (await domain.Engine.FindInstanceAsync(maatregel.Id))!;
        Assert.Equal(code, instance.CorrelationId);
        Assert.Equal("OTS", instance.ReadInput()["type"]);
        Assert.Equal([maatregel.Id], (await domain.Maatregelen.ListAsync(code)).Select(m => m.Id));
    }

    [Fact]
    public async Task Beeindig_StopsEveryTimerAtOnce_KeepsTheReason_AndPlansTheReturnToVrijwilligheid()
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = await CasusAsync(domain);
        var maatregel = (await domain.Maatregelen.RegisterAsync(code, new MaatregelRegistratie(MaatregelType.Ots, new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1),
            new MachtigingGegevens(MaatregelType.MachtigingUithuisplaatsing, new DateOnly(2026, 3, 1), new DateOnly(2026, 9, 1)), "jeugdbeschermer"),
            "jeugdbeschermer")).Value!;
        Assert.Equal((MaatregelType.MachtigingUithuisplaatsing, MachtigingStatus.Lopend, (DateOnly?)new DateOnly(2026, 6, 1)),
            (maatregel.Machtiging!.Soort, maatregel.Machtiging.Status, maatregel.Machtiging.VervaltOp));
        // The evaluation, the extension question and the machtiging's lapse question.
        Assert.Equal(3, (await domain.Engine.GetBookmarksAsync(maatregel.Id)).Count(b => b.Kind == BookmarkKind.Timer));

        var ended = await domain.Maatregelen.EndAsync(maatregel.Id, "Regie terug bij het gezin; netwerk staat", "prof1");

        Assert.Equal(DomainOutcome.Ok, ended.Outcome);
        Assert.Equal(MaatregelStatus.Beeindigd, ended.Value!.Status);
        Assert.Equal(MachtigingStatus.Beeindigd, ended.Value.Machtiging!.Status);
        Assert.Equal("Regie terug bij het gezin; netwerk staat", ended.Value.EindReden);
        Assert.Null(ended.Value.VolgendeTermijn);
        Assert.DoesNotContain(await domain.Engine.GetBookmarksAsync(maatregel.Id), b => b.Kind is BookmarkKind.Timer or BookmarkKind.Signal);
        Assert.Equal("Terugkeer naar vrijwilligheid plannen", Assert.Single(await MaatregelTasksAsync(domain, maatregel.Id)).Title);
        Assert.Equal(DomainOutcome.Conflict, (await domain.Maatregelen.EndAsync(maatregel.Id, "nogmaals", "prof1")).Outcome);
    }

    [Fact]
    public async Task Beeindig_RefusesAReasonWithAnIdentifier_AndChangesNothing()
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = await CasusAsync(domain);
        var maatregel = (await domain.Maatregelen.RegisterAsync(code, MaatregelType.Ots, new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1), "prof1")).Value!;
        var before = await domain.Engine.GetBookmarksAsync(maatregel.Id);

        var refused = await domain.Maatregelen.EndAsync(maatregel.Id, "Kind met BSN 111222333 gaat terug naar moeder", "prof1");

        Assert.Equal(DomainOutcome.Invalid, refused.Outcome);
        Assert.Contains("BSN", refused.Errors["reden"]);
        Assert.DoesNotContain("111222333", refused.Errors["reden"]);
        Assert.Equal(before.Select(b => b.Id).Order(), (await domain.Engine.GetBookmarksAsync(maatregel.Id)).Select(b => b.Id).Order());
        Assert.Equal(MaatregelStatus.Lopend, (await domain.Maatregelen.FindAsync(maatregel.Id))!.Status);
        Assert.Equal(DomainOutcome.Invalid, (await domain.Maatregelen.EndAsync(maatregel.Id, "  ", "prof1")).Outcome);
    }

    [Fact]
    public async Task AnEvaluationThatEndsIt_IsWhatTheCasusPageShows()
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = await CasusAsync(domain);
        var maatregel = (await domain.Maatregelen.RegisterAsync(code, MaatregelType.Ots, new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1), "prof1")).Value!;
        domain.Clock.Advance(TimeSpan.FromDays(92));
        Assert.Equal(1, await domain.Runtime.FireDueTimersAsync());
        var evaluatie = Assert.Single(await MaatregelTasksAsync(domain, maatregel.Id));

        var result = await domain.Runtime.CompleteTaskAsync(evaluatie.Id, "Beëindigd door de GI", new Dictionary<string, object?>
        {
            ["netwerk"] = true, ["afsprakenNagekomen"] = "true", ["gezinHeeftRegie"] = true, ["hulpVrijwilligAanvaard"] = true,
            ["toelichting"] = "Oma en de buurvrouw vangen op; afspraken lopen al drie maanden",
        }, "prof1");

        Assert.Equal(ResumeOutcome.Resumed, result.Outcome);
        var now = (await domain.Maatregelen.FindAsync(maatregel.Id))!;
        Assert.Equal(MaatregelStatus.Beeindigd, now.Status);
        Assert.Equal("Beëindigd door de GI: Oma en de buurvrouw vangen op; afspraken lopen al drie maanden", now.EindReden);
        // The end-date question (December) and the signal branch went with it.
        Assert.DoesNotContain(await domain.Engine.GetBookmarksAsync(maatregel.Id), b => b.Kind is BookmarkKind.Timer or BookmarkKind.Signal);
        Assert.Equal(DomainOutcome.Conflict, (await domain.Maatregelen.EndAsync(maatregel.Id, "ook nog", "prof1")).Outcome);
    }

    [Fact]
    public async Task Verlengen_MovesTheEndDate_AndTheNextQuestionTenWeeksBeforeIt()
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = await CasusAsync(domain);
        var maatregel = (await domain.Maatregelen.RegisterAsync(code, MaatregelType.Ots, new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1), "prof1")).Value!;
        var endQuestion = (await domain.Engine.GetBookmarksAsync(maatregel.Id)).Where(b => b.Kind == BookmarkKind.Timer).Max(b => b.DueAt);
        // Ten weeks before 1 March 2027 is 21 December 2026, midnight in Amsterdam (winter time, UTC+1).
        Assert.Equal(new DateTimeOffset(2026, 12, 20, 23, 0, 0, TimeSpan.Zero), endQuestion);
        domain.Clock.SetUtcNow(endQuestion!.Value);
        await domain.Runtime.FireDueTimersAsync();
        var vraag = await BeschikkingOpVerlengingAsync(domain, maatregel.Id);

        await domain.Runtime.CompleteTaskAsync(vraag.Id, "Verlengd", new Dictionary<string, object?> { ["nieuweEindDatum"] = "2028-03-01", ["beschikkingsdatum"] = "2026-12-21" },
            "jeugdbeschermer");

        var verlengd = (await domain.Maatregelen.FindAsync(maatregel.Id))!;
        Assert.Equal((MaatregelStatus.Verlengd, (DateOnly?)new DateOnly(2028, 3, 1)), (verlengd.Status, verlengd.EindDatum));
        Assert.Contains(await domain.Engine.GetBookmarksAsync(maatregel.Id),
            // 1 March 2028 minus ten weeks is 22 December 2027 (2028 is a leap year), midnight in Amsterdam.
            b => b.Kind == BookmarkKind.Timer && b.DueAt == new DateTimeOffset(2027, 12, 21, 23, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("2028-04-01", "ten hoogste 12 maanden tegelijk verlengd (tot uiterlijk 2028-03-01)")]
    [InlineData("2027-02-01", "na de huidige (2027-03-01)")]
    public async Task Verlengen_RefusesAnEndDateTheLawDoesNotAllow_AndTheQuestionStaysOpen(string nieuw, string message)
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = await CasusAsync(domain);
        var maatregel = (await domain.Maatregelen.RegisterAsync(code, MaatregelType.Ots, new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1), "prof1")).Value!;
        domain.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 20, 23, 0, 0, TimeSpan.Zero));
        await domain.Runtime.FireDueTimersAsync();
        var vraag = await BeschikkingOpVerlengingAsync(domain, maatregel.Id);

        var refused = await domain.Runtime.CompleteTaskAsync(vraag.Id, "Verlengd",
            new Dictionary<string, object?> { ["nieuweEindDatum"] = nieuw, ["beschikkingsdatum"] = "2026-12-21" }, "jeugdbeschermer");
        var rejected = await domain.Runtime.CompleteTaskAsync(vraag.Id, "Verzoek afgewezen", new Dictionary<string, object?> { ["nieuweEindDatum"] = nieuw }, "jeugdbeschermer");

        Assert.Equal(ResumeOutcome.Rejected, refused.Outcome);
        Assert.Contains(message, refused.FieldErrors!["nieuweEindDatum"]);
        // A refused request extends nothing: the rule only guards "Verlengd".
        Assert.Equal(ResumeOutcome.Resumed, rejected.Outcome);
    }

    /// <summary>The GI asks for the extension; the kinderrechter's beschikking is the task that moves the end date.</summary>
    private static async Task<UserTask> BeschikkingOpVerlengingAsync(DomainFixture domain, Guid maatregelId)
    {
        var verzoek = Assert.Single(await MaatregelTasksAsync(domain, maatregelId), t => t.Title == "OTS loopt af: verzoekt de GI de kinderrechter om verlenging?");
        Assert.Equal(ResumeOutcome.Resumed, (await domain.Runtime.CompleteTaskAsync(verzoek.Id, "Verzoek ingediend", new Dictionary<string, object?>(), "jeugdbeschermer")).Outcome);
        return Assert.Single(await MaatregelTasksAsync(domain, maatregelId), t => t.Title == "Beschikking van de kinderrechter op het verzoek tot verlenging");
    }

    [Theory]
    [InlineData(MaatregelType.MachtigingUithuisplaatsing, "2026-03-01", "2027-01-01", "type", "bestaat alleen binnen een (voorlopige) OTS")]
    [InlineData(MaatregelType.Spoedmachtiging, "2026-03-01", "2026-03-29", "type", "bestaat alleen binnen een (voorlopige) OTS")]
    [InlineData(MaatregelType.Ots, "2026-03-01", "2027-04-01", "eindDatum", "ten hoogste 12 maanden")]
    [InlineData(MaatregelType.VoorlopigeOts, "2026-03-01", "2026-07-01", "eindDatum", "ten hoogste 3 maanden")]
    [InlineData(MaatregelType.Ots, "2026-03-01", "2026-02-01", "eindDatum", "na de ingangsdatum")]
    [InlineData(MaatregelType.Ots, "2026-03-01", null, "eindDatum", "Geef de einddatum")]
    [InlineData(MaatregelType.Voogdij, "2026-03-01", "2030-01-01", "eindDatum", "geen einddatum")]
    [InlineData(null, "2026-03-01", "2027-01-01", "type", "Kies het soort")]
    public async Task Registreer_RefusesByField_WhenTheRegistrationBreaksTheLaw(MaatregelType? type, string start, string? eind, string field, string message)
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = await CasusAsync(domain);

        var result = await domain.Maatregelen.RegisterAsync(code, type, DateOnly.Parse(start), eind is null ? null : DateOnly.Parse(eind), "prof1");

        Assert.Equal(DomainOutcome.Invalid, result.Outcome);
        Assert.Contains(message, result.Errors[field]);
        Assert.Empty(await domain.Maatregelen.ListAsync(code));
    }

    [Theory]
    [InlineData(MaatregelType.VoorlopigeOts, "2026-03-01", "2026-06-02", "machtiging.eindDatum", "niet langer dan de (voorlopige) OTS (tot 2026-06-01)")]
    [InlineData(MaatregelType.Ots, "2026-02-01", "2026-06-01", "machtiging.startDatum", "niet voor de (voorlopige) OTS")]
    [InlineData(MaatregelType.Voogdij, "2026-03-01", "2026-06-01", "machtiging.soort", "alleen binnen een (voorlopige) OTS")]
    public async Task Registreer_RefusesAMachtigingOutsideItsOts(MaatregelType type, string start, string eind, string field, string message)
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = await CasusAsync(domain);

        var result = await domain.Maatregelen.RegisterAsync(code, new MaatregelRegistratie(type, new DateOnly(2026, 3, 1),
            type == MaatregelType.Voogdij ? null : type == MaatregelType.VoorlopigeOts ? new DateOnly(2026, 6, 1) : new DateOnly(2027, 3, 1),
            new MachtigingGegevens(MaatregelType.MachtigingUithuisplaatsing, DateOnly.Parse(start), DateOnly.Parse(eind))), "jeugdbeschermer");

        Assert.Equal(DomainOutcome.Invalid, result.Outcome);
        Assert.Contains(message, result.Errors[field]);
        Assert.Empty(await domain.Maatregelen.ListAsync(code));
    }

    [Fact]
    public async Task Voogdij_IsRegisteredWithoutAnEndDate()
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = await CasusAsync(domain);

        var voogdij = await domain.Maatregelen.RegisterAsync(code, MaatregelType.Voogdij, new DateOnly(2026, 3, 1), null, "prof1");

        Assert.Equal(DomainOutcome.Ok, voogdij.Outcome);
        Assert.Null(voogdij.Value!.EindDatum);
    }
}
