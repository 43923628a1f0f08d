using ProcessEngine.Rvt.Privacy;
using ProcessEngine.Workflows.Forms;

namespace ProcessEngine.Rvt.Forms;

/// <summary>
/// Every free-text field of every task form goes through the identifier guard: a task's answers become
/// flow variables, and no BSN, birth date or address of a family member may be stored anywhere. A number field
/// goes through it too: nine digits that pass the BSN's eleven-test are a BSN there as much as in a sentence.
/// </summary>
public sealed class IdentifierFormRule : ITaskFormRule
{
    public string? Name => null;

    public string Description => "Vrije tekst en getallen mogen geen BSN, geboortedatum, adres, e-mailadres of telefoonnummer bevatten.";

    public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(submission.Now, Workflows.Scheduling.DutchCalendar.Amsterdam).DateTime);
        foreach (var field in submission.Fields.Where(f => FormFieldTypes.IsFreeText(f.Type) || f.Type == FormFieldTypes.Number))
            if (AsText(submission.Values.GetValueOrDefault(field.Name)) is { } text
                && IdentifierGuard.Find(text, today) is [var first, ..])
                errors.TryAdd(field.Name, first.Message);
    }

    /// <summary>What was typed, as text: a number as its digits (a JSON body's number arrives as a JSON element).</summary>
    private static string? AsText(object? value) => value switch
    {
        null => null,
        string text => text,
        System.Text.Json.JsonElement json => json.ValueKind == System.Text.Json.JsonValueKind.String ? json.GetString() : json.GetRawText(),
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
