namespace ProcessEngine.HostStore.Flows;

/// <summary>
/// The last time a flow's offered draft was turned down, and why, kept until the next offer: whoever offered it reads the reason
/// on the flow's page (the audit log, where the reason also goes, is not theirs to read). One per flow.
/// </summary>
public sealed class FlowPublicationRejection
{
    public string DefinitionId { get; set; } = "";
    public int DraftVersion { get; set; }
    public string RequestedBy { get; set; } = "";
    public string RejectedBy { get; set; } = "";
    public DateTimeOffset RejectedAt { get; set; }
    /// <summary>Checked by the identifier guard before it is stored, as every reason that reaches the audit log is.</summary>
    public string Reason { get; set; } = "";
}
