using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Forms;

namespace ProcessEngine.Rvt.Forms;

/// <summary>The "maatregel" form rule: a registration form (type, startDatum, eindDatum) must be lawful before the flow takes it.</summary>
public sealed class MaatregelFormRule : ITaskFormRule
{
    public const string RuleName = "maatregel";

    public string? Name => RuleName;

    public string Description => "Registratie van een maatregel (velden type, startDatum, eindDatum): einddatum na ingangsdatum, binnen de wettelijke maximale duur, geen einddatum bij voogdij.";

    public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
    {
        foreach (var (field, message) in MaatregelRegels.Check(submission.Values)) errors.TryAdd(field, message);
    }
}

/// <summary>
/// The "maatregel-verlenging" form rule: on "Verlengen", the new end date lies after the one in force
/// (the flow's variable eindDatum) and within the legal maximum for the maatregel's type (the flow's input).
/// </summary>
public sealed class MaatregelVerlengingFormRule : ITaskFormRule
{
    public const string RuleName = "maatregel-verlenging";
    public const string ExtendOutcome = "Verlengen";

    public string? Name => RuleName;

    public string Description => "Verlenging van een maatregel (veld nieuweEindDatum, uitkomst Verlengen): na de huidige einddatum en binnen de wettelijke maximale duur.";

    public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
    {
        if (submission.Outcome != ExtendOutcome) return;
        var type = MaatregelRegels.FromLabel(submission.FlowInput.GetValueOrDefault("type") as string);
        var rules = MaatregelRegels.CheckVerlenging(type, MaatregelRegels.Date(submission.FlowVariables, "eindDatum"),
            MaatregelRegels.Date(submission.Values, "nieuweEindDatum"));
        foreach (var (field, message) in rules) errors.TryAdd(field, message);
    }
}
