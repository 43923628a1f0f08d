using ProcessEngine.Rvt.Privacy;
using ProcessEngine.Workflows.Forms;

namespace ProcessEngine.Rvt.Forms;

/// <summary>
/// Every free-text field of every task form goes through the identifier guard: a task's answers become
/// flow variables, and no BSN, birth date or address of a family member may be stored anywhere.
/// </summary>
public sealed class IdentifierFormRule : ITaskFormRule
{
    public string? Name => null;

    public string Description => "Vrije tekst mag geen BSN, geboortedatum, adres, e-mailadres of telefoonnummer bevatten.";

    public void Check(TaskFormSubmission submission, IDictionary<string, string> errors)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(submission.Now, Workflows.Scheduling.DutchCalendar.Amsterdam).DateTime);
        foreach (var field in submission.Fields.Where(f => FormFieldTypes.IsFreeText(f.Type)))
            if (submission.Values.GetValueOrDefault(field.Name) is string text
                && IdentifierGuard.Find(text, today) is [var first, ..])
                errors.TryAdd(field.Name, first.Message);
    }
}
