using ProcessEngine.Workflows.Forms;

namespace ProcessEngine.Rvt.Forms;

/// <summary>
/// The "informeel-netwerk" form rule: inviting the informal network names who was invited (roles, never names) and asks
/// whether anyone in it is carrying too much; a family with nobody yet in view says so with its own outcome, and then no
/// roles are asked for: the next step is looking for who could be there.
/// </summary>
public sealed class InformeelNetwerkFormRule : ITaskFormRule
{
    public const string RuleName = "informeel-netwerk";
    public const string Invited = "Uitgenodigd";
    public const string Roles = "rollen", Overloaded = "overbelast", OverloadedWhy = "overbelastToelichting";

    public string? Name => RuleName;

    public string Description =>
        "Informeel netwerk uitnodigen: bij 'Uitgenodigd' de rollen van wie er komt; is iemand overbelast, dan wie (rol) en wat hen kan ontlasten.";

    public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
    {
        if (submission.Outcome == Invited && Missing(submission, Roles))
            errors.TryAdd(Roles, "Noteer de rollen van de mensen die komen (geen namen), bijvoorbeeld grootmoeder, buurvrouw.");
        if (submission.Values.GetValueOrDefault(Overloaded) as string == "ja" && Missing(submission, OverloadedWhy))
            errors.TryAdd(OverloadedWhy, "Noteer wie (rol) overbelast is en wat hem of haar kan ontlasten.");
    }

    private static bool Missing(TaskFormSubmission submission, string field) =>
        submission.Values.GetValueOrDefault(field) is not string { } text || string.IsNullOrWhiteSpace(text);
}
