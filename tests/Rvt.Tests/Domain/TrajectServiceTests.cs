using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Rvt.Tests.Domain;

public sealed class TrajectServiceTests
{
    private static CasusIntake Intake(string hulpvraag = "Hoe houden we de kinderen veilig nu moeder opnieuw is opgenomen?") => new()
    {
        Organisatie = "Wijkteam Roosendaal",
        Hulpvraag = hulpvraag,
        Huishouden = Huishouden.GezinMetKinderen,
        Onveiligheid = Onveiligheid.Structureel,
        GezinWeetVanAanmelding = true,
    };

    [Fact]
    public async Task Aanmelden_CreatesPseudonymousCasusAndStartsItsTraject_WhenIntakeIsValid()
    {
        await using var domain = await DomainFixture.StartAsync();

        var result = await domain.Trajecten.RegisterIntakeAsync(Intake(), "prof1");

        Assert.True(result.Succeeded);
        var traject = result.Value!;
        Assert.Matches("^RVT-2026-[2-9A-HJKMNP-TW-Z]{6}$", traject.CasusCode);
        Assert.Equal(TrajectStatus.Running, traject.Status);
        var instance = await domain.Engine.FindInstanceAsync(traject.WorkflowInstanceId!.Value);
        Assert.Equal(traject.CasusCode, instance!.CorrelationId);
        var input = instance.ReadInput();
        Assert.Equal("structureel", input["onveiligheid"]);
        Assert.Equal("prof1", input["inbrenger"]);
        Assert.False(input.ContainsKey("hulpvraag"), "free text must not be copied into the engine's state");
        var triage = Assert.Single(await domain.Engine.FindOpenTasksAsync(new TaskQuery(CorrelationId: traject.CasusCode)));
        Assert.Equal("RvtChair", triage.CandidateGroup);
        Assert.Equal("Wijkteam Roosendaal", (await domain.Trajecten.FindCasusAsync(traject.CasusCode))!.Organisatie);
    }

    [Fact]
    public async Task Aanmelden_RejectsByFieldAndStoresNothing_WhenHulpvraagHoldsABsn()
    {
        await using var domain = await DomainFixture.StartAsync();

        var result = await domain.Trajecten.RegisterIntakeAsync(Intake("Zoon met BSN 111222333 is vaak niet op school."), "prof1");

        Assert.Equal(DomainOutcome.Invalid, result.Outcome);
        Assert.Contains("BSN", result.Errors["hulpvraag"]);
        Assert.DoesNotContain("111222333", result.Errors["hulpvraag"]);
        Assert.Empty(await domain.Engine.FindOpenTasksAsync(new TaskQuery()));
    }

    [Fact]
    public async Task Aanmelden_NamesEveryMissingField_WhenIntakeIsEmpty()
    {
        await using var domain = await DomainFixture.StartAsync();

        var result = await domain.Trajecten.RegisterIntakeAsync(new CasusIntake(), "prof1");

        Assert.Equal(["huishouden", "hulpvraag", "onveiligheid", "organisatie"], result.Errors.Keys.Order());
    }
}
