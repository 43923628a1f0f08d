namespace ProcessEngine.HostStore.Flows;

/// <summary>
/// A coordinator's request to publish a flow's draft, waiting for a second coordinator or admin (four eyes): one per flow at a
/// time. It names the draft exactly — its version, its stamp and a hash of its text — so an approval publishes what was
/// offered and nothing saved since. The engine stays generic: who may publish is the host's rule, so this is the host's row.
/// </summary>
public sealed class FlowPublicationRequest
{
    public string DefinitionId { get; set; } = "";
    /// <summary>This request's own identity: an approval removes exactly the request it checked, never a newer one.</summary>
    public Guid RequestId { get; set; }
    public int DraftVersion { get; set; }
    /// <summary>The draft's stamp when it was offered (version and moment of its last save).</summary>
    public string DraftStamp { get; set; } = "";
    /// <summary>SHA-256 of the draft's text when it was offered, hex.</summary>
    public string ContentHash { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
}
