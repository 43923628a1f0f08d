using System.Globalization;
using ProcessEngine.Rvt.Privacy;
using ProcessEngine.Workflows.Forms;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Forms;

/// <summary>
/// Every free-text field of every task form goes through the identifier guard: a task's answers become
/// flow variables, and no BSN, birth date or address of a family member may be stored anywhere. A number field
/// goes through it too: nine digits that pass the BSN's eleven-test are a BSN there as much as in a sentence.
/// A date field is itself a date, so the guard's cues ("geboren", an age) are never beside it: there the rule is
/// its age (see <see cref="OldestDateYears"/>).
/// </summary>
public sealed class IdentifierFormRule : ITaskFormRule
{
    /// <summary>
    /// How far back a date field may go, in years, unless the field asks for a birth date (its name or label holds
    /// "geboor"). The dates the RVT's forms ask for (a beschikking's ingangsdatum, the day of a netwerkberaad or an
    /// interventiegesprek, a tafeldatum, a new end date) lie in the last months or ahead; a date further back than
    /// two years has no use in them, while a parent's or an older child's birth date always lies there. Two years, not
    /// one, leaves room for a beschikking registered late; a toddler's birth date passes, which no date rule can tell apart.
    /// </summary>
    public const int OldestDateYears = 2;

    public const string OldDateMessage = "Dit lijkt een geboortedatum: de datum ligt meer dan twee jaar terug, en dit veld vraagt niet om een "
        + "geboortedatum. Noem geen geboortedatum van gezinsleden; vul de datum in waar het veld om vraagt.";

    public string? Name => null;

    public string Description => "Vrije tekst en getallen mogen geen BSN, geboortedatum, adres, e-mailadres of telefoonnummer bevatten; "
        + "een datumveld geen datum van meer dan twee jaar terug, tenzij het om een geboortedatum vraagt.";

    public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(submission.Now, Workflows.Scheduling.DutchCalendar.Amsterdam).DateTime);
        foreach (var field in submission.Fields.Where(f => FormFieldTypes.IsFreeText(f.Type) || f.Type == FormFieldTypes.Number))
            if (AsText(submission.Values.GetValueOrDefault(field.Name)) is { } text
                && IdentifierGuard.Find(text, today) is [var first, ..])
                errors.TryAdd(field.Name, first.Message);
        foreach (var field in submission.Fields.Where(f => f.Type == FormFieldTypes.Date && !AsksForBirthDate(f)))
            if (AsDate(submission.Values.GetValueOrDefault(field.Name)) is { } date && date < today.AddYears(-OldestDateYears))
                errors.TryAdd(field.Name, OldDateMessage);
    }

    private static bool AsksForBirthDate(FormField field) =>
        field.Name.Contains("geboor", StringComparison.OrdinalIgnoreCase) || field.Label.Contains("geboor", StringComparison.OrdinalIgnoreCase);

    /// <summary>A date field's value as the form check typed it ("yyyy-MM-dd"); anything else is that check's to refuse.</summary>
    private static DateOnly? AsDate(object? value) =>
        value is string text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>What was typed, as text: a number as its digits (a JSON body's number arrives as a JSON element).</summary>
    private static string? AsText(object? value) => value switch
    {
        null => null,
        string text => text,
        System.Text.Json.JsonElement json => json.ValueKind == System.Text.Json.JsonValueKind.String ? json.GetString() : json.GetRawText(),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
