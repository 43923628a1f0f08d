using ProcessEngine.Host.Components.Work;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Ui.Work;

/// <summary>What the generated task form sends: as typed, with yes/no and checklists in their JSON shape, empty fields left out.</summary>
public sealed class TaskFormValuesTests
{
    private static readonly FormField[] Fields =
    [
        new("toelichting", "Toelichting", "multiline"),
        new("datum", "Datum", "date", Required: true),
        new("gezinDenktMee", "Gezin denkt mee", "boolean"),
        new("check", "Gereed", "checklist", Options: ["hulpVrijwilligKader", "oudersWetenProces", "zorgenEnKrachten"]),
        new("aantal", "Aantal", "number"),
    ];

    [Fact]
    public void ToData_SendsWhatWasFilledIn_InTheFormsOrder()
    {
        var values = new TaskFormValues();
        values.SetText("datum", "2027-01-14");
        values.SetText("aantal", "  ");
        values.SetFlag("gezinDenktMee", true);
        values.Tick("check", "zorgenEnKrachten", true);
        values.Tick("check", "hulpVrijwilligKader", true);
        values.Tick("check", "zorgenEnKrachten", false);
        values.Tick("check", "zorgenEnKrachten", true);

        var data = values.ToData(Fields);

        Assert.Equal(["datum", "gezinDenktMee", "check"], data.Keys);
        Assert.Equal("2027-01-14", data["datum"].GetString());
        Assert.True(data["gezinDenktMee"].GetBoolean());
        Assert.Equal(["hulpVrijwilligKader", "zorgenEnKrachten"], data["check"].EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void TaskFormErrors_SplitsFieldMessagesFromTheRest()
    {
        var errors = new Dictionary<string, string> { ["data.datum"] = "Vul dit veld in.", ["outcome"] = "Kies een uitkomst." };

        Assert.Equal(new Dictionary<string, string> { ["datum"] = "Vul dit veld in." }, TaskFormErrors.PerField(errors));
        Assert.Equal("Kies een uitkomst.", TaskFormErrors.General(errors));
    }
}
