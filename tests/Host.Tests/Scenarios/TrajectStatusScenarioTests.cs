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
        var code = (await trajecten.RegisterIntakeAsync(new CasusIntake
        {
            Organisatie = "Veilig Thuis", Hulpvraag = "Zorgen over huiselijk geweld", Huishouden = Huishouden.GezinMetKinderen,
            Onveiligheid = Onveiligheid.Structureel,
        }, Traject.Inbrenger)).Value!.CasusCode;
        await engine.CompleteAsync(code, Traject.Triage, "Consultatie & Advies", user: Traject.Chair);
        await engine.CompleteAsync(code, Traject.Advies, "Netwerkberaad", Traject.Form(("advies", "Netwerk erbij")), Traject.Chair);
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
}
