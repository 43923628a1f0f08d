using ProcessEngine.Activities.Application;
using ProcessEngine.Activities.Domain;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Activities.Tests.Domain;

public sealed class MaatregelServiceTests
{
    [Fact]
    public async Task Registreer_StartsTheMaatregelFlow_AndEndingItCancelsItsTimers()
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = (await domain.Trajecten.AanmeldenAsync(new CasusIntake
        {
            Organisatie = "Veilig Thuis", Hulpvraag = "Na de OTS: wat is nodig om terug te gaan naar vrijwillig?",
            Huishouden = Huishouden.GezinMetKinderen, Onveiligheid = Onveiligheid.Structureel,
        }, "prof1")).Value!.CasusCode;

        var registered = await domain.Maatregelen.RegistreerAsync(code, MaatregelType.Ots, new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1), "prof1");

        var maatregel = registered.Value!;
        var instance = await domain.Engine.FindInstanceAsync(maatregel.WorkflowInstanceId!.Value);
        Assert.Equal(code, instance!.CorrelationId);
        Assert.Equal("OTS", instance.ReadInput()["type"]);
        Assert.Contains(await domain.Engine.GetBookmarksAsync(instance.Id), b => b.Kind == BookmarkKind.Timer);

        var ended = await domain.Maatregelen.BeeindigAsync(maatregel.Id, "Regie terug bij het gezin; netwerk staat");

        Assert.Equal(MaatregelStatus.Beeindigd, ended.Value!.Status);
        Assert.Empty(await domain.Engine.GetBookmarksAsync(instance.Id));
        Assert.Equal(WorkflowStatus.Cancelled, (await domain.Engine.FindInstanceAsync(instance.Id))!.Status);
        Assert.Equal(DomainOutcome.Conflict, (await domain.Maatregelen.BeeindigAsync(maatregel.Id, "nogmaals")).Outcome);
    }

    [Theory]
    [InlineData(MaatregelType.Ots, "2026-03-01", "2027-04-01", "ten hoogste 12 maanden")]
    [InlineData(MaatregelType.VoorlopigeOts, "2026-03-01", "2026-07-01", "ten hoogste 3 maanden")]
    [InlineData(MaatregelType.Ots, "2026-03-01", "2026-02-01", "na de ingangsdatum")]
    public async Task Registreer_RefusesByField_WhenDatesBreakTheLegalMaximum(MaatregelType type, string start, string eind, string message)
    {
        await using var domain = await DomainFixture.StartAsync();

        var result = await domain.Maatregelen.RegistreerAsync("RVT-2026-XXXXXX", type, DateOnly.Parse(start), DateOnly.Parse(eind), "prof1");

        Assert.Equal(DomainOutcome.Invalid, result.Outcome);
        Assert.Contains(message, result.Errors["eindDatum"]);
    }
}
