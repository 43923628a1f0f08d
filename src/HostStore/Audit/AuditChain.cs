using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProcessEngine.HostStore.Audit;

/// <summary>The hash that links an audit line to the one before it: SHA-256 over every field and the previous hash.</summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    public static string HashOf(AuditEntry entry)
    {
        // Fields are joined with a separator that cannot occur in them unescaped, and null differs from "".
        var text = string.Join('\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            Field(entry.EventCode), Field(entry.Action), Field(entry.Outcome), Field(entry.UserId), Field(entry.Role),
            Field(entry.OnBehalfOf), Field(entry.CasusCode), Field(entry.Purpose), Field(entry.SourceAddress), Field(entry.Detail),
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Field(string? value) => value is null ? "\u2400" : value.Replace("\u001f", "\\u001f", StringComparison.Ordinal);
}
