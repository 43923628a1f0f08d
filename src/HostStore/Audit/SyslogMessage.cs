using System.Globalization;
using System.Text;

namespace ProcessEngine.HostStore.Audit;

/// <summary>
/// A checkpoint as one RFC 5424 syslog message: <c>&lt;85&gt;1 TIMESTAMP HOSTNAME processengine PROCID audit-checkpoint - {json}</c>.
/// The message is the checkpoint's JSON line exactly as the file holds it, so a syslog server that stores the
/// messages one per line keeps a file <c>audit verify</c> reads as its checkpoint file.
/// </summary>
public static class SyslogMessage
{
    /// <summary>authpriv: the facility syslog servers keep in a file readable by root only (auth.log, secure).</summary>
    public const int Facility = 10;

    /// <summary>notice: a normal but significant event; nothing is wrong when a checkpoint is written.</summary>
    public const int Severity = 5;

    public const string AppName = "processengine";
    public const string MessageId = "audit-checkpoint";

    public static string Format(AuditCheckpoint checkpoint) => string.Join(' ',
        $"<{Facility * 8 + Severity}>1",
        checkpoint.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        HostName(Environment.MachineName),
        AppName,
        Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
        MessageId,
        "-", // no structured data: everything is in the signed JSON, which is what gets verified
        // No UTF-8 byte order mark before the JSON: the line is ASCII (see AuditCheckpoint.ToJson), and a mark would
        // end up in front of every stored line and spoil it as a checkpoint line.
        checkpoint.ToJson());

    /// <summary>The bytes of one UDP datagram (RFC 5426): the message as it is.</summary>
    public static byte[] Datagram(AuditCheckpoint checkpoint) => Encoding.UTF8.GetBytes(Format(checkpoint));

    /// <summary>
    /// The bytes of one message on a TCP stream, framed by octet counting (RFC 6587): its length in bytes, a space, the
    /// message. Unlike a closing newline, a count cannot be confused with the message's own contents.
    /// </summary>
    public static byte[] Frame(AuditCheckpoint checkpoint)
    {
        var message = Encoding.UTF8.GetBytes(Format(checkpoint));
        var count = Encoding.ASCII.GetBytes(message.Length.ToString(CultureInfo.InvariantCulture) + " ");
        return [.. count, .. message];
    }

    // HOSTNAME is printable ASCII without spaces, at most 255 characters; a machine name that is not goes as "-" (unknown).
    private static string HostName(string name) =>
        name.Length is > 0 and <= 255 && name.All(c => c is > ' ' and <= '~') ? name : "-";
}
