using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Forms;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Rvt.Forms;

/// <summary>
/// The "maatregel" form rule: a registration form (type, startDatum, eindDatum, and optionally machtiging,
/// machtigingStartDatum, machtigingEindDatum) must be lawful before the flow takes it.
/// </summary>
public sealed class MaatregelFormRule : ITaskFormRule
{
    public const string RuleName = "maatregel";
    /// <summary>The outcome by which the GI says there is no beschikking to register: nothing to check.</summary>
    public const string NoBeschikkingOutcome = "Geen beschikking";

    public string? Name => RuleName;

    public string Description => "Registratie van een maatregel uit de beschikking (velden type, startDatum, eindDatum, machtiging, machtigingStartDatum, " +
        "machtigingEindDatum): einddatum na ingangsdatum en binnen de wettelijke maximale duur, geen einddatum bij voogdij, een machtiging alleen binnen " +
        "een (voorlopige) OTS en niet langer dan hij. Niet bij de uitkomst 'Geen beschikking'.";

    public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
    {
        if (submission.Outcome == NoBeschikkingOutcome) return;
        foreach (var (field, message) in MaatregelRegels.Check(submission.Values)) errors.TryAdd(field, message);
    }
}

/// <summary>
/// The "maatregel-verlenging" form rule: on the kinderrechter's extension ("Verlengd"; "Verlengen" in the first
/// version of the flow), the new end date lies after the one in force and at most twelve months later; a
/// voorlopige OTS, voogdij or spoedmachtiging is never extended. The measure in force is the flow's variable
/// soort (a voorlopige OTS can become an OTS), else its input type.
/// </summary>
public sealed class MaatregelVerlengingFormRule : ITaskFormRule
{
    public const string RuleName = "maatregel-verlenging";
    public const string ExtendOutcome = "Verlengd";
    public const string FirstVersionExtendOutcome = "Verlengen";

    public string? Name => RuleName;

    public string Description => "Verlenging van een maatregel (velden nieuweEindDatum en beschikkingsdatum, uitkomst Verlengd): alleen een OTS, " +
        "beslist voor hij afliep, na de huidige einddatum en ten hoogste 12 maanden later.";

    public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
    {
        if (submission.Outcome is not (ExtendOutcome or FirstVersionExtendOutcome)) return;
        var type = MaatregelFlowValues.Soort(submission);
        // The second version asks for the decision's date (field beschikkingsdatum); the first did not have the field.
        var asksDate = submission.Fields.Any(f => f.Name == "beschikkingsdatum");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(submission.Now, DutchCalendar.Amsterdam).DateTime);
        var rules = MaatregelRegels.CheckVerlenging(type, MaatregelRegels.Date(submission.FlowVariables, "eindDatum"),
            MaatregelRegels.Date(submission.Values, "nieuweEindDatum"),
            asksDate ? (MaatregelRegels.Date(submission.Values, "beschikkingsdatum"), today) : null);
        foreach (var (field, message) in rules) errors.TryAdd(field, message);
    }
}

/// <summary>
/// The "maatregel-ots-beschikking" form rule: when the kinderrechter pronounced the OTS after a voorlopige OTS
/// (an outcome starting with "OTS"), the fields ingangsdatum and otsEindDatum hold a lawful OTS term.
/// </summary>
public sealed class OtsBeschikkingFormRule : ITaskFormRule
{
    public const string RuleName = "maatregel-ots-beschikking";

    public string? Name => RuleName;

    public string Description => "De OTS na een voorlopige OTS (velden ingangsdatum en otsEindDatum, uitkomst 'OTS uitgesproken'): beide ingevuld, " +
        "einddatum na ingangsdatum en ten hoogste 12 maanden later.";

    public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
    {
        if (!submission.Outcome.StartsWith("OTS", StringComparison.Ordinal)) return;
        var rules = MaatregelRegels.Check(MaatregelType.Ots, MaatregelRegels.Date(submission.Values, "ingangsdatum"),
            MaatregelRegels.Date(submission.Values, "otsEindDatum"));
        if (rules.GetValueOrDefault("startDatum") is { } start) errors.TryAdd("ingangsdatum", start);
        if (rules.GetValueOrDefault("eindDatum") is { } eind) errors.TryAdd("otsEindDatum", eind);
    }
}

/// <summary>
/// The "maatregel-machtiging" form rule: a machtiging uithuisplaatsing granted after a spoedmachtiging (outcome
/// "Machtiging verleend", fields startDatum and eindDatum) lies within the (voorlopige) OTS in force.
/// </summary>
public sealed class MachtigingFormRule : ITaskFormRule
{
    public const string RuleName = "maatregel-machtiging";
    public const string GrantedOutcome = "Machtiging verleend";

    public string? Name => RuleName;

    public string Description => "Een machtiging uithuisplaatsing (velden startDatum en eindDatum, uitkomst 'Machtiging verleend'): binnen de " +
        "(voorlopige) OTS, ten hoogste 12 maanden.";

    public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
    {
        if (submission.Outcome != GrantedOutcome) return;
        var rules = MaatregelRegels.CheckMachtiging(MaatregelType.MachtigingUithuisplaatsing, MaatregelRegels.Date(submission.Values, "startDatum"),
            MaatregelRegels.Date(submission.Values, "eindDatum"), MaatregelFlowValues.Soort(submission),
            MaatregelRegels.Date(submission.FlowVariables, "ingangsdatum"), MaatregelRegels.Date(submission.FlowVariables, "eindDatum"),
            ("startDatum", "startDatum", "eindDatum"));
        foreach (var (field, message) in rules) errors.TryAdd(field, message);
    }
}

/// <summary>How the maatregel flow's state reads for the rules.</summary>
internal static class MaatregelFlowValues
{
    /// <summary>The measure in force: the variable soort (second version on), else the input's type.</summary>
    public static MaatregelType? Soort(TaskFormSubmission submission) =>
        MaatregelRegels.FromLabel(submission.FlowVariables.GetValueOrDefault("soort") as string)
        ?? MaatregelRegels.FromLabel(submission.FlowInput.GetValueOrDefault("type") as string);
}
