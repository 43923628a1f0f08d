namespace ProcessEngine.HostStore.Audit;

public enum SyslogTransport
{
    Udp,
    Tcp,
}

/// <summary>
/// Where checkpoints go besides (or instead of) the file: a syslog server, written as <c>udp://host:port</c> or
/// <c>tcp://host:port</c>. The port must be written out: syslog servers listen on 514 (UDP) or 601 or 6514 (TCP)
/// and which one is meant cannot be guessed from the transport alone.
/// </summary>
public sealed record SyslogEndpoint(SyslogTransport Transport, string Host, int Port)
{
    public const string Setting = "Audit:Checkpoints:Syslog";

    public override string ToString() =>
        $"{Transport.ToString().ToLowerInvariant()}://{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}";

    /// <summary>The endpoint, or null with the reason (naming the setting) when the text is not one.</summary>
    public static SyslogEndpoint? Parse(string text, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
            return Refuse(text, "it is not a URI", out problem);
        SyslogTransport? transport = uri.Scheme switch { "udp" => SyslogTransport.Udp, "tcp" => SyslogTransport.Tcp, _ => null };
        if (transport is null)
            return Refuse(text, $"the scheme {uri.Scheme} is neither udp nor tcp", out problem);
        if (string.IsNullOrEmpty(uri.DnsSafeHost))
            return Refuse(text, "it names no host", out problem);
        // A scheme .NET does not know has no default port: -1 means none was written.
        if (uri.Port is < 1 or > 65535)
            return Refuse(text, "it names no port", out problem);
        if (uri.UserInfo.Length > 0 || uri.PathAndQuery is not ("" or "/") || uri.Fragment.Length > 0)
            return Refuse(text, "syslog takes only a host and a port, no user, path or query", out problem);
        return new SyslogEndpoint(transport.Value, uri.DnsSafeHost, uri.Port);
    }

    private static SyslogEndpoint? Refuse(string text, string reason, out string problem)
    {
        problem = $"{Setting} '{text}' is not a syslog endpoint: {reason}. Write udp://host:514 or tcp://host:601.";
        return null;
    }
}
