using System.Text.Json;
using Bunit;
using MudBlazor.Services;
using ProcessEngine.Host.Components.Studio.Designer;

namespace ProcessEngine.Host.Tests.Ui.Studio;

/// <summary>
/// The regional settings of the shipped maatregel flow, as the designer lists and edits them: labelled apart from the
/// law, each value kept to its kind (a term stays a term, a count a whole number), and the change lands in the draft.
/// </summary>
public sealed class RegionalSettingsTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Debounced = TimeSpan.FromSeconds(5);
    private readonly List<(string Variable, JsonElement Value)> _changes = [];

    public RegionalSettingsTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private static DesignerDraft MaatregelDraft()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "workflows-json", "rvt-maatregel.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return DesignerDraft.From(json.RootElement);
    }

    [Fact]
    public void MaatregelFlow_DeclaresTheNumbersTheLawDoesNotSet_AsRegionalSettings()
    {
        var draft = MaatregelDraft();

        Assert.Equal(["evaluatieMaanden", "verzoektermijnVerlenging", "beslistermijnVoorlopigeOts", "vervalwaarschuwingMachtiging"],
            draft.RegionalSettings.Select(v => v.Name));
        Assert.Equal(["3", "P10W", "P2W", "P2W"], draft.RegionalSettings.Select(RegionalSetting.Text));
        Assert.False(draft.SetDefault("eindDatum", JsonSerializer.SerializeToElement("2030-01-01"))); // not a setting: the court's date
    }

    [Fact]
    public void Panel_RefusesAValueOfTheWrongKind_AndHandsAValidOneToTheDraft()
    {
        var draft = MaatregelDraft();
        var panel = Render<RegionalSettingsPanel>(p => p
            .Add(c => c.Settings, draft.RegionalSettings)
            .Add(c => c.Changed, change => { _changes.Add(change); draft.SetDefault(change.Variable, change.Value); }));
        Assert.Contains("Geen wettelijke termijnen", panel.Markup);
        Assert.Contains("hoe lang voor de einddatum van een OTS de vraag komt", panel.Markup);

        panel.Find("#regionaal-verzoektermijnVerlenging").Change("tien weken");
        panel.WaitForAssertion(() => Assert.Contains("Geef een termijn", panel.Markup), Debounced);
        panel.Find("#regionaal-evaluatieMaanden").Change("0");
        panel.WaitForAssertion(() => Assert.Contains("Geef een heel getal van 1 of meer", panel.Markup), Debounced);
        Assert.Empty(_changes);

        panel.Find("#regionaal-verzoektermijnVerlenging").Change("P12W");
        panel.WaitForAssertion(() => Assert.Single(_changes), Debounced);
        Assert.Equal(("verzoektermijnVerlenging", "P12W"), (_changes[0].Variable, _changes[0].Value.GetString()));
        using var saved = JsonDocument.Parse(draft.ToJson());
        Assert.Equal("P12W", saved.RootElement.GetProperty("variables").EnumerateArray()
            .Single(v => v.GetProperty("name").GetString() == "verzoektermijnVerlenging").GetProperty("default").GetString());
    }
}
