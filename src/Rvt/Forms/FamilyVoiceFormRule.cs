using ProcessEngine.Workflows.Forms;

namespace ProcessEngine.Rvt.Forms;

/// <summary>
/// The family's voice at a decision step (advies, evaluations, "goed genoeg", afsluiting): what the family says in its own
/// words, whether it agrees, and why not. The fields are optional, so the figures can count where the voice was recorded
/// and where not; once "Is het gezin het eens?" is answered, the answer has to hold together.
/// </summary>
public sealed class FamilyVoiceFormRule : ITaskFormRule
{
    public const string Says = "gezinZegt";
    public const string Agrees = "gezinEens";
    public const string Why = "gezinEensWaarom";
    public const string Yes = "ja", Partly = "deels", No = "nee", NotAsked = "niet gevraagd";
    public static IReadOnlyList<string> Answers { get; } = [Yes, Partly, No, NotAsked];

    /// <summary>Applies to every form that asks the family's agreement.</summary>
    public string? Name => null;

    public string Description =>
        "Bij 'Is het gezin het eens?': wat het gezin zegt staat erbij als het gevraagd is, en bij deels, nee of niet gevraagd ook waarom.";

    public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
    {
        if (!submission.Fields.Any(f => f.Name == Agrees)) return;
        if (Text(submission, Agrees) is not { } answer) return;
        if (answer != NotAsked && Text(submission, Says) is null && submission.Fields.Any(f => f.Name == Says))
            errors.TryAdd(Says, "Schrijf op wat het gezin zelf zegt, in hun woorden.");
        if (answer != Yes && Text(submission, Why) is null && submission.Fields.Any(f => f.Name == Why))
            errors.TryAdd(Why, answer == NotAsked
                ? "Zeg waarom het gezin (nog) niet gevraagd is."
                : "Zeg waarom het gezin het niet of maar deels eens is.");
    }

    private static string? Text(TaskFormSubmission submission, string field) =>
        submission.Values.GetValueOrDefault(field) is string { } text && !string.IsNullOrWhiteSpace(text) ? text : null;
}
