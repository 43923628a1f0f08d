using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>
/// A maatregel aims at its own end: an evaluation that finds no network can start a netwerkberaad while the measure
/// runs, and an ended measure with its return to vrijwilligheid is counted in "Wat de proeftuin oplevert".
/// </summary>
public sealed class MaatregelOpbrengstScenarioTests
{
    private const string Casus = "RVT-2026-0611";
    private const string Jeugdbeschermer = "jeugdbeschermer";

    /// <summary>2 June 2026 00:00 in Amsterdam: the first evaluation, three months after a beschikking of 2 March.</summary>
    private static readonly DateTimeOffset June2 = new(2026, 6, 1, 22, 0, 0, TimeSpan.Zero);

    private static Task<StartResult> StartOtsAsync(ScenarioEngine engine) =>
        engine.Runtime.StartAsync("rvt-maatregel", Form(("type", "OTS"), ("startDatum", "2026-03-02"), ("eindDatum", "2027-03-02"),
            ("inbrenger", Inbrenger), ("jeugdbeschermer", Jeugdbeschermer)), Casus);

    private static Dictionary<string, object?> Checklist(bool netwerk) => Form(("netwerk", netwerk), ("afsprakenNagekomen", true),
        ("gezinHeeftRegie", netwerk), ("hulpVrijwilligAanvaard", true), ("toelichting", netwerk ? "Het netwerk draagt" : "Nog niemand om op terug te vallen"));

    [Fact]
    public async Task Evaluatie_WithoutANetwork_StartsANetwerkberaadWhileTheMeasureRunsOn()
    {
        await using var engine = ScenarioEngine.Start();
        var ots = await StartOtsAsync(engine);
        await engine.MoveToAsync(June2);

        await engine.CompleteAsync(Casus, MaatregelEvaluatie, "Voortzetten, netwerkberaad starten", Checklist(netwerk: false), Jeugdbeschermer);

        // The jeugdbeschermer who evaluated organises it; the measure's next evaluation stays three months on (2 September).
        var plannen = await engine.TaskAsync(Casus, NetwerkberaadPlannen);
        Assert.Equal(Jeugdbeschermer, plannen.Assignee);
        Assert.Equal(WorkflowStatus.Suspended, (await engine.InstanceAsync(Casus, "rvt-netwerkberaad")).Status);
        Assert.Contains(new DateTimeOffset(2026, 9, 1, 22, 0, 0, TimeSpan.Zero),
            (await engine.TimersAsync(ots.InstanceId)).Select(t => t.DueAt));
        Assert.NotEqual(WorkflowStatus.Finished, (await engine.InstanceAsync(Casus, "rvt-maatregel")).Status);
    }

    [Fact]
    public async Task EndedMeasure_AndItsReturnToVrijwilligheid_AreCounted_AsIsTheFamilysVoiceAtTheEvaluation()
    {
        await using var engine = ScenarioEngine.Start();
        await StartOtsAsync(engine);
        await engine.MoveToAsync(June2);
        var evaluatie = Checklist(netwerk: true);
        evaluatie["gezinEens"] = "ja";
        evaluatie["gezinZegt"] = "We willen het zelf weer doen, met oma erbij";

        await engine.CompleteAsync(Casus, MaatregelEvaluatie, "Beëindigd door de GI", evaluatie, Jeugdbeschermer);
        await engine.CompleteAsync(Casus, TerugkeerPlannen, "Beide", Form(("toelichting", "Netwerkberaad en een duo")));

        var cijfers = await engine.Services.GetRequiredService<HalfjaarcijfersService>().ForYearAsync(2026);
        (int, int) Row(string onderdeel) => cijfers.Rijen.Where(r => r.Onderdeel == onderdeel).Select(r => (r.EersteHalfjaar, r.TweedeHalfjaar)).Single();
        Assert.Equal((1, 0), Row("Maatregelen beëindigd"));
        Assert.Equal((1, 0), Row("Terugkeer naar vrijwilligheid gepland"));
        Assert.Equal((1, 0), Row("Beslismomenten"));
        var aandeel = cijfers.Rijen.Single(r => r.Onderdeel == "Aandeel beslismomenten met de stem van het gezin");
        Assert.Equal((1, 0, 1, 0), (aandeel.EersteHalfjaar, aandeel.TweedeHalfjaar, aandeel.Noemer!.EersteHalfjaar, aandeel.Noemer.TweedeHalfjaar));
        Assert.Equal((0, 0), Row("Maatregelen voorkomen"));
    }
}
