using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProcessEngine.HostStore.Audit;

/// <summary>
/// The hash that links an audit line to the one before it: an HMAC-SHA256, with the key its line names, over
/// every field and the previous hash. Without the key nobody can make a line (or recompute a chain) that
/// verifies. Lines written before keys were introduced carry no key id and a plain SHA-256; they verify only
/// as the start of the log, before the first keyed line.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    public static string HashOf(AuditEntry entry, AuditKeys keys) =>
        entry.KeyId is { } keyId
            ? keys.Sign(keyId, Canonical(entry))
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry))));

    /// <summary>Fields joined with a separator that cannot occur in them unescaped, null distinct from "".</summary>
    private static string Canonical(AuditEntry entry)
    {
        var fields = new List<string>
        {
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            Field(entry.EventCode), Field(entry.Action), Field(entry.Outcome), Field(entry.UserId), Field(entry.Role),
            Field(entry.OnBehalfOf), Field(entry.CasusCode), Field(entry.Purpose), Field(entry.SourceAddress), Field(entry.Detail),
            entry.PreviousHash,
        };
        // Unkeyed lines keep exactly the text they were hashed over before keys existed, and lines without list codes
        // the text they were hashed over before lists were audited.
        if (entry.KeyId is { } keyId) fields.AddRange([Field(keyId), Field(entry.Node)]);
        if (entry.KeyId is not null && entry.CasusCodes is { } codes) fields.Add(Field(codes));
        return string.Join('\u001f', fields);
    }

    private static string Field(string? value) => value is null ? "\u2400" : value.Replace("\u001f", "\\u001f", StringComparison.Ordinal);
}
