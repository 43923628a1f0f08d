using ProcessEngine.Workflows.Forms;

namespace ProcessEngine.Rvt.Forms;

/// <summary>
/// The "gecombineerd-advies" form rule: an advies may add routes beside the one its outcome chooses (a netwerkberaad
/// and begeleiding in duo at once), but an advies without a follow-up route has nothing to add them to.
/// </summary>
public sealed class GecombineerdAdviesFormRule : ITaskFormRule
{
    public const string RuleName = "gecombineerd-advies";
    public const string AlsoRoutes = "ookRoutes";
    public const string NoRoute = "Advies zonder vervolgroute";

    public string? Name => RuleName;

    public string Description =>
        "Gecombineerd advies: routes die naast de gekozen route lopen; niet bij een advies zonder vervolgroute.";

    public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
    {
        if (submission.Outcome == NoRoute && submission.Values.GetValueOrDefault(AlsoRoutes) is IEnumerable<object?> routes && routes.Any())
            errors.TryAdd(AlsoRoutes, "Een advies zonder vervolgroute combineer je niet met een route: kies de route als uitkomst en vink de andere hier aan.");
    }
}
