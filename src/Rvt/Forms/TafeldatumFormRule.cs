using ProcessEngine.Workflows.Forms;

namespace ProcessEngine.Rvt.Forms;

/// <summary>
/// The "tafeldatum" form rule: a triage that sends a casus to bespreking names the RVT table date (field
/// <c>tafeldatum</c>). The table agenda, the preparation by the inbrenger and the chair's advies hang on that date;
/// without it a casus would be "on the table" without ever being planned. Consultatie &amp; Advies needs no date.
/// </summary>
public sealed class TafeldatumFormRule : ITaskFormRule
{
    public const string RuleName = "tafeldatum";
    public const string BesprekingOutcome = "Bespreking";
    public const string Field = "tafeldatum";

    public string? Name => RuleName;

    public string Description => "Triage (veld tafeldatum, uitkomst Bespreking): een bespreking aan tafel heeft een datum van de RVT-tafel.";

    public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
    {
        if (submission.Outcome != BesprekingOutcome || submission.Values.ContainsKey(Field)) return;
        // A typed but unreadable date already has the form check's message; only a missing one is reported here.
        errors.TryAdd(Field, "Kies de datum van de RVT-tafel waarop de casus wordt besproken.");
    }
}
