using ProcessEngine.Workflows.Forms;

namespace ProcessEngine.Rvt.Forms;

/// <summary>
/// Keeps measures still running on the first version of the maatregel flow from doing harm until they are moved
/// to the corrected version. That version registered a machtiging uithuisplaatsing as a maatregel of its own and
/// let its lapse, or any end of it, plan the return to vrijwilligheid and tell the whole traject the maatregel
/// ended, while the OTS ran on. This rule refuses those outcomes on such a machtiging; the casus page ends it
/// instead, which for this version stops only the machtiging's own flow (see MaatregelService.EndAsync).
/// Applies to every task form (no name) but recognises only that version's activities.
/// </summary>
public sealed class FirstVersionMachtigingGuard : ITaskFormRule
{
    public const string MachtigingLabel = "Machtiging uithuisplaatsing";

    /// <summary>The first version's tasks and the outcomes on them that lead to its end path.</summary>
    private static readonly HashSet<(string Activity, string Outcome)> EndingOutcomes =
    [
        ("machtiging-uitgevoerd", "Vervallen"),
        ("evaluatie", "Beëindigen"),
        ("verlengen-of-beeindigen", "Beëindigen"),
    ];

    public string? Name => null;

    public string Description => "Een machtiging uithuisplaatsing op de eerste versie van de maatregel-flow beëindigt niet het hele traject.";

    public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
    {
        if (submission.FlowInput.GetValueOrDefault("type") as string != MachtigingLabel) return;
        if (!EndingOutcomes.Contains((submission.Task.ActivityId, submission.Outcome))) return;
        errors.TryAdd("outcome", "Deze machtiging loopt nog op de eerste versie van de maatregel-flow, die bij het einde van de machtiging het hele " +
            "traject terug naar vrijwilligheid zou sturen terwijl de OTS doorloopt. Beëindig de machtiging op de casuspagina (met de reden, " +
            "bijvoorbeeld 'vervallen: niet binnen drie maanden uitgevoerd'): dan eindigt alleen de machtiging.");
    }
}
