namespace ProcessEngine.Workflows.Forms;

/// <summary>The kinds of field a task form may ask for; the studio and the inbox render each one.</summary>
public static class FormFieldTypes
{
    public const string Text = "text";
    public const string Multiline = "multiline";
    public const string Number = "number";
    public const string Date = "date";
    public const string Boolean = "boolean";
    public const string Choice = "choice";
    public const string Checklist = "checklist";

    public static IReadOnlyList<string> All { get; } = [Text, Multiline, Number, Date, Boolean, Choice, Checklist];

    /// <summary>Fields whose value is typed free text: the ones a privacy rule must read.</summary>
    public static bool IsFreeText(string type) => type is Text or Multiline;

    public static bool NeedsOptions(string type) => type is Choice or Checklist;
}
