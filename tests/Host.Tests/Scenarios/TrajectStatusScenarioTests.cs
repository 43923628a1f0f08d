using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Activities.Application;
using ProcessEngine.Activities.Domain;

namespace ProcessEngine.Host.Tests.Scenarios;

public sealed class TrajectStatusScenarioTests
{
    [Fact]
    public async Task Status_ShowsThePauseOfTheStopknop_UntilTheChairLetsItContinue()
    {
        await using var engine = ScenarioEngine.Start();
        var trajecten = engine.Services.GetRequiredService<TrajectService>();
        var code = (await trajecten.AanmeldenAsync(new CasusIntake
        {
            Organisatie = "Veilig Thuis", Hulpvraag = "Zorgen over huiselijk geweld", Huishouden = Huishouden.GezinMetKinderen,
            Onveiligheid = Onveiligheid.Structureel,
        }, Traject.Inbrenger)).Value!.CasusCode;
        await engine.CompleteAsync(code, Traject.Triage, "Consultatie & Advies", user: Traject.Chair);
        await engine.CompleteAsync(code, Traject.Advies, "Netwerkberaad", Traject.Form(("advies", "Netwerk erbij")), Traject.Chair);
        Assert.Equal(TrajectStatus.Lopend, await trajecten.StatusAsync(code));

        await engine.Runtime.SignalAsync("Stopknop", code, payload: Traject.Form(("reden", "de hulp schaadt")));

        Assert.Equal(TrajectStatus.GepauzeerdDoorStopknop, await trajecten.StatusAsync(code));
        await engine.CompleteAsync(code, Traject.StopknopReview, "Doorgaan", Traject.Form(("toelichting", "Toch doorgaan")), Traject.Chair);
        Assert.Equal(TrajectStatus.Lopend, await trajecten.StatusAsync(code));
    }
}
