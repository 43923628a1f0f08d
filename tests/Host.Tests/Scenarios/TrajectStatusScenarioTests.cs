using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;

namespace ProcessEngine.Host.Tests.Scenarios;

public sealed class TrajectStatusScenarioTests
{
    [Fact]
    public async Task Status_ShowsThePauseOfTheStopknop_UntilTheChairLetsItContinue()
    {
        await using var engine = ScenarioEngine.Start();
        var trajecten = engine.Services.GetRequiredService<TrajectService>();
        var code = await AtRouteAsync(engine, trajecten, "Netwerkberaad");
        Assert.Equal(TrajectStatus.Running, await trajecten.StatusAsync(code));

        var metAdres = await trajecten.StopknopAsync(code, "Moeder is verhuisd naar Dorpsstraat 12", Traject.Inbrenger);
        Assert.Equal((DomainOutcome.Invalid, TrajectStatus.Running), (metAdres.Outcome, await trajecten.StatusAsync(code)));
        Assert.Contains("adres", metAdres.Errors["reden"]);
        Assert.Equal(DomainOutcome.Invalid, (await trajecten.StopknopAsync(code, " ", Traject.Inbrenger)).Outcome);

        var pressed = await trajecten.StopknopAsync(code, "de hulp schaadt", Traject.Inbrenger);

        Assert.Equal((DomainOutcome.Ok, TrajectStatus.PausedByStopknop), (pressed.Outcome, pressed.Value));
        Assert.Equal(TrajectStatus.PausedByStopknop, await trajecten.StatusAsync(code));
        Assert.Equal(DomainOutcome.Conflict, (await trajecten.StopknopAsync(code, "nog een keer", Traject.Inbrenger)).Outcome);
        var review = await engine.TaskAsync(code, Traject.StopknopReview);
        Assert.Equal("RvtChair", review.CandidateGroup);
        var stopknop = Assert.IsType<Dictionary<string, object?>>((await engine.InstanceAsync(code, "rvt-traject")).Variables["stopknop"]);
        Assert.Equal(("de hulp schaadt", Traject.Inbrenger), (stopknop["reden"], stopknop["door"]));
        await engine.CompleteAsync(code, Traject.StopknopReview, "Doorgaan", Traject.Form(("toelichting", "Toch doorgaan")), Traject.Chair);
        Assert.Equal(TrajectStatus.Running, await trajecten.StatusAsync(code));
    }

    [Fact]
    public async Task Stopknop_PressedOnBehalfOfTheFamily_NeedsTheirWords_AndTheChairReadsThem()
    {
        await using var engine = ScenarioEngine.Start();
        var trajecten = engine.Services.GetRequiredService<TrajectService>();
        var code = await AtRouteAsync(engine, trajecten, "Begeleiding in duo");

        var zonderWoorden = await trajecten.StopknopAsync(code, new StopknopMelding("Het gezin voelt zich niet gehoord", NamensGezin: true), Traject.Inbrenger);
        Assert.Equal((DomainOutcome.Invalid, TrajectStatus.Running), (zonderWoorden.Outcome, await trajecten.StatusAsync(code)));
        Assert.Equal(["gezinZegt"], zonderWoorden.Errors.Keys);

        var pressed = await trajecten.StopknopAsync(code, new StopknopMelding("Het gezin voelt zich niet gehoord", NamensGezin: true,
            GezinZegt: "Er wordt over ons beslist, niet met ons."), Traject.Inbrenger);

        Assert.Equal(DomainOutcome.Ok, pressed.Outcome);
        var review = await engine.TaskAsync(code, Traject.StopknopReview);
        Assert.StartsWith("De Stopknop is ingedrukt namens het gezin (Het gezin voelt zich niet gehoord). Het gezin zegt: Er wordt over ons beslist, niet met ons.",
            review.Description);
    }

    /// <summary>An aanmelding through the domain, triaged as Consultatie &amp; Advies and advised to <paramref name="route"/>; returns its code.</summary>
    private static async Task<string> AtRouteAsync(ScenarioEngine engine, TrajectService trajecten, string route)
    {
        var code = (await trajecten.RegisterIntakeAsync(new CasusIntake
        {
            Organisatie = "Veilig Thuis", Hulpvraag = "Zorgen over huiselijk geweld", Huishouden = Huishouden.GezinMetKinderen,
            Onveiligheid = Onveiligheid.Structureel, GezinWeetVanAanmelding = true,
        }, Traject.Inbrenger)).Value!.CasusCode;
        await engine.CompleteAsync(code, Traject.Triage, "Consultatie & Advies", user: Traject.Chair);
        await engine.CompleteAsync(code, Traject.Advies, route, Traject.Form(("advies", "Advies van de tafel")), Traject.Chair);
        return code;
    }
}
