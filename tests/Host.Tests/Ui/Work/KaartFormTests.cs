using ProcessEngine.Rvt.Domain;
using ProcessEngine.Host.Components.Work;

namespace ProcessEngine.Host.Tests.Ui.Work;

/// <summary>The Veiligheidskaart editor: lines become list items, and the domain's messages land beside the field a person typed in.</summary>
public sealed class KaartFormTests
{
    [Fact]
    public void ToInhoud_MakesOneItemPerLine_AndDropsEmptyAfspraakRows()
    {
        var form = new KaartForm
        {
            Zorgen = " Spanningen thuis \n\nKinderen alleen na school",
            Afspraken = [new(), new AfspraakForm { Wat = "Naar oma na school", Wie = "oma" }],
            VolgendeEvaluatie = "2027-01-14",
        };

        var (inhoud, problem) = form.ToInhoud();

        Assert.Null(problem);
        Assert.Equal(["Spanningen thuis", "Kinderen alleen na school"], inhoud!.Zorgen);
        Assert.Equal([new Afspraak("Naar oma na school", "oma", null, null)], inhoud.Afspraken);
        Assert.Single(form.Afspraken);
        Assert.Equal(new DateOnly(2027, 1, 14), inhoud.VolgendeEvaluatie);
    }

    [Fact]
    public void ErrorsByField_PutsTheGuardsMessageOnTheLineAndTheAfspraakField()
    {
        var inhoud = new VeiligheidskaartInhoud
        {
            Zorgen = ["Spanningen thuis", "Moeder, BSN 111222333, belt vaak"],
            Afspraken = [new Afspraak("Naar oma na school", null, null, null)],
        };

        var errors = KaartForm.ErrorsByField(inhoud.Validate().ToDictionary(e => "inhoud." + e.Key, e => e.Value));

        Assert.StartsWith("Regel 2: ", errors["zorgen"]);
        Assert.Contains("BSN", errors["zorgen"]);
        Assert.Equal("Dit veld is verplicht.", errors["afspraken[0].wie"]);
    }

    [Fact]
    public void ToInhoud_RefusesADateItCannotRead()
    {
        var (inhoud, problem) = new KaartForm { VolgendeEvaluatie = "over zes weken" }.ToInhoud();

        Assert.Null(inhoud);
        Assert.Equal("Kies een datum.", problem);
    }
}
