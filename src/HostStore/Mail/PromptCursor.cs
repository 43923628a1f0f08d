namespace ProcessEngine.HostStore.Mail;

/// <summary>
/// How far a sweep got, so that it resumes there after a restart however long the host was down,
/// instead of looking back only a fixed window.
/// </summary>
public sealed class PromptCursor
{
    public string Name { get; set; } = "";
    public DateTimeOffset Position { get; set; }
}
