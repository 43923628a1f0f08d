using System.Text.Json;
using ProcessEngine.Rvt.Forms;
using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>
/// The family's voice at every decision step: what the family says in its own words and whether it agrees, instead of
/// yes/no boxes ticked about the family by professionals.
/// </summary>
public sealed class FamilyVoiceScenarioTests
{
    private const string Casus = "RVT-2026-0901";

    /// <summary>The decision steps of the shipped flows (file, activity id).</summary>
    public static TheoryData<string, string> DecisionSteps() => new()
    {
        { "rvt-aanmelding.json", "advies" },
        { "rvt-netwerkberaad.json", "evaluatie" },
        { "rvt-maatregel.json", "evaluatie" },
        { "rvt-maatregel.json", "evaluatie-voogdij" },
        { "rvt-begeleiding-in-duo.json", "goed-genoeg" },
        { "rvt-traject.json", "afsluiting" },
    };

    [Theory]
    [MemberData(nameof(DecisionSteps))]
    public void DecisionStep_AsksWhatTheFamilySays_AndWhetherItAgrees(string file, string activityId)
    {
        var flow = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows-json", file))).RootElement;
        var step = flow.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == activityId);
        var form = step.GetProperty("inputs").GetProperty("form").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);

        Assert.Equal("Wat zegt het gezin? (in hun woorden)", form[FamilyVoiceFormRule.Says].GetProperty("label").GetString());
        Assert.Equal("Is het gezin het eens?", form[FamilyVoiceFormRule.Agrees].GetProperty("label").GetString());
        Assert.Equal(FamilyVoiceFormRule.Answers, form[FamilyVoiceFormRule.Agrees].GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        Assert.True(form.ContainsKey(FamilyVoiceFormRule.Why));
    }

    [Fact]
    public void NetwerkberaadPlanning_HasNoYesNoBoxAboutTheFamily_ButTheFamilysOwnWords()
    {
        var flow = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows-json", "rvt-netwerkberaad.json"));
        Assert.DoesNotContain("gezinDenktMee", flow);
    }

    [Fact]
    public async Task Advies_WhereTheFamilyDisagrees_NeedsTheWhy_AndKeepsTheFamilysOwnWords()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAsync(engine, Casus);
        await engine.CompleteAsync(Casus, Triage, "Consultatie & Advies", user: Chair);
        var advies = await engine.TaskAsync(Casus, Advies);

        async Task<IReadOnlyCollection<string>> RefusedAsync(params (string Name, object? Value)[] fields)
        {
            var result = await engine.Runtime.CompleteTaskAsync(advies.Id, "Netwerkberaad", Form([("advies", "Netwerkberaad met opa en de buurvrouw"), .. fields]), Chair);
            Assert.Equal(ResumeOutcome.Rejected, result.Outcome);
            return [.. result.FieldErrors!.Keys];
        }
        Assert.Equal([FamilyVoiceFormRule.Why], await RefusedAsync((FamilyVoiceFormRule.Agrees, "nee"), (FamilyVoiceFormRule.Says, "Wij willen geen school erbij")));
        Assert.Equal([FamilyVoiceFormRule.Says], await RefusedAsync((FamilyVoiceFormRule.Agrees, "ja")));
        Assert.Equal([FamilyVoiceFormRule.Why], await RefusedAsync((FamilyVoiceFormRule.Agrees, "niet gevraagd")));
        Assert.Equal([FamilyVoiceFormRule.Agrees], await RefusedAsync((FamilyVoiceFormRule.Agrees, "misschien")));

        var done = await engine.Runtime.CompleteTaskAsync(advies.Id, "Netwerkberaad", Form(("advies", "Netwerkberaad met opa en de buurvrouw"),
            (FamilyVoiceFormRule.Says, "Wij willen eerst zelf met opa praten"), (FamilyVoiceFormRule.Agrees, "deels"),
            (FamilyVoiceFormRule.Why, "Moeder wil de school er niet bij")), Chair);

        Assert.Equal(ResumeOutcome.Resumed, done.Outcome);
        var recorded = (IReadOnlyDictionary<string, object?>)(await VariableAsync(engine, Casus, "advies", "rvt-aanmelding"))!;
        Assert.Equal(("Wij willen eerst zelf met opa praten", "deels"), (recorded[FamilyVoiceFormRule.Says], recorded[FamilyVoiceFormRule.Agrees]));
    }
}
