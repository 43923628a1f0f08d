namespace ProcessEngine.Rvt.Domain;

/// <summary>
/// A question an RVT member (or the chair, or an ervaringsdeskundige at the table) puts for a casus on the table, before or
/// during the bespreking: the critical questions and alternatives are what makes the table worth having, so they are
/// kept, not only the advies the chair records. Free text, checked by the identifier guard; purged with the casus content.
/// </summary>
public sealed class TafelVraag
{
    public const int MaxVraagLength = 1000;

    private TafelVraag() { }

    public Guid Id { get; private set; }
    public Guid CasusId { get; private set; }
    public string Vraag { get; private set; } = "";
    public string GesteldDoor { get; private set; } = "";
    public DateTimeOffset GesteldOp { get; private set; }

    internal static TafelVraag Create(Guid casusId, string question, string by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CasusId = casusId,
        Vraag = question.Trim(),
        GesteldDoor = by,
        GesteldOp = now,
    };
}
