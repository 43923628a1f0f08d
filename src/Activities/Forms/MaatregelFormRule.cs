using ProcessEngine.Activities.Domain;
using ProcessEngine.Workflows.Forms;

namespace ProcessEngine.Activities.Forms;

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
