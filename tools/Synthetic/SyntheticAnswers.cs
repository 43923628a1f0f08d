using System.Globalization;
using ProcessEngine.Workflows.Forms;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Synthetic;

/// <summary>
/// What a simulated professional types into a task form: a valid value for every field, by its type,
/// and free text that holds nothing about a family (the identifier guard would refuse it anyway).
/// </summary>
public static class SyntheticAnswers
{
    private static readonly string[] Notes =
    [
        "Afspraken besproken met het netwerk.", "Zorgen zijn gedeeld, krachten benoemd.", "Volgende stap is afgestemd met de partners.",
        "Gezin werkt mee aan de afspraken.", "Nog geen verandering zichtbaar; opnieuw bespreken.", "Veiligheid lijkt voldoende geborgd.",
    ];

    // A field that names a person (the duo partner) gets a demo account, so the task it assigns has a holder who can sign in.
    private static readonly string[] Users = ["rvtlid", "prof1", "prof2"];

    private static bool AsksForAUser(FormField field) =>
        field.Label.Contains("gebruikersnaam", StringComparison.OrdinalIgnoreCase) || field.Name.EndsWith("Partner", StringComparison.Ordinal);

    /// <param name="complete">Every field answered, the optional ones too: after a refusal, since a form rule may ask for an optional
    /// field given another answer (the family's words once their agreement is given, the roles once people were invited).</param>
    public static Dictionary<string, object?> For(IReadOnlyList<FormField> form, DateTimeOffset now, Random random, bool complete = false)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, DutchCalendar.Amsterdam).DateTime);
        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in form)
        {
            if (!field.Required && !complete && random.NextDouble() < 0.3) continue;
            data[field.Name] = field.Type switch
            {
                FormFieldTypes.Choice when field.Options is { Count: > 0 } options => options[random.Next(options.Count)],
                FormFieldTypes.Checklist when field.Options is { Count: > 0 } options => options.Where(_ => random.NextDouble() < 0.6).ToList(),
                FormFieldTypes.Boolean => random.NextDouble() < 0.7,
                FormFieldTypes.Number => random.Next(1, 6),
                FormFieldTypes.Date => Date(field, today, random),
                _ when AsksForAUser(field) => Users[random.Next(Users.Length)],
                _ => Notes[random.Next(Notes.Length)],
            };
        }
        return data;
    }

    // An end date lies months ahead (within every maatregel's legal maximum but the voorlopige OTS's);
    // a start date lies in the past week; any other date (a meeting) in the coming weeks.
    private static string Date(FormField field, DateOnly today, Random random)
    {
        var name = field.Name.ToLowerInvariant();
        var date = name.Contains("eind", StringComparison.Ordinal) ? today.AddDays(random.Next(60, 330))
            : name.Contains("start", StringComparison.Ordinal) ? today.AddDays(-random.Next(0, 7))
            : today.AddDays(random.Next(5, 40));
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
