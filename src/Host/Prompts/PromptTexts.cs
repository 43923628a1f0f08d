using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// The Dutch e-mail texts. On purpose they carry nothing about the family: the casus code, a link, and
/// for a group task the group's name. Not even the task title, which a flow may compute from its variables.
/// </summary>
public static class PromptTexts
{
    public static (string Subject, string Body) For(PromptKind kind, Guid taskId, string? casusCode, string? group, string baseUrl)
    {
        var bij = casusCode is null ? "" : $" bij casus {casusCode}";
        var (subject, opening) = kind switch
        {
            PromptKind.Created => ($"Nieuwe taak{bij}", $"Er staat een nieuwe taak{bij} voor u klaar{ForGroup(group)}."),
            PromptKind.Reminder => ($"Herinnering: taak{bij}", $"De termijn van een taak{bij}{ForGroup(group)} verloopt binnenkort."),
            // Worded as a question to colleagues, not a verdict: a step may be open longer for a good reason.
            PromptKind.Escalation => ($"Nog open: taak{bij}", $"Een taak{bij} staat na de afgesproken termijn nog open. "
                + "U hoort dit als duopartner of collega: vraag gerust na of er hulp nodig is."),
            PromptKind.EscalationChair => ($"Nog open: taak{bij}", $"Een taak{bij} staat na de afgesproken termijn nog open, "
                + "ook nadat de duopartner of collega's het hoorden. Bespreek met de professional wat er nodig is."),
            PromptKind.Handed => ($"Taak aan u overgedragen{bij}", $"Een collega heeft een taak{bij} aan u overgedragen."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var link = $"{baseUrl.TrimEnd('/')}/taken/{taskId}";
        var body = $"{opening}\r\n\r\nOpen de taak: {link}\r\n\r\n"
            + "Dit bericht bevat bewust geen gegevens over de casus. Meld u aan om de taak te bekijken.\r\n";
        return (subject, body);
    }

    /// <summary>For the inbrenger: a maatregel was registered on the casus, or the jeugdbeschermer recorded a step of it.</summary>
    public static (string Subject, string Body) ForMaatregel(string casusCode, bool registered, string baseUrl)
    {
        var opening = registered
            ? $"Bij casus {casusCode} is een maatregel geregistreerd door de jeugdbeschermer van de gecertificeerde instelling."
            : $"De jeugdbeschermer heeft een stap van de maatregel bij casus {casusCode} vastgelegd.";
        var link = $"{baseUrl.TrimEnd('/')}/casus/{Uri.EscapeDataString(casusCode)}";
        var body = $"{opening}\r\n\r\nBekijk de maatregel en de termijnen op de casuspagina: {link}\r\n\r\n"
            + "Dit bericht bevat bewust geen gegevens over de casus. Meld u aan om de casus te bekijken.\r\n";
        return ($"Maatregel bij casus {casusCode}", body);
    }

    private static string ForGroup(string? group) => group is null ? "" : $" (voor de groep {Roles.Dutch(group)})";
}
