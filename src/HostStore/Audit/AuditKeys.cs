using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ProcessEngine.HostStore.Audit;

/// <summary>
/// The HMAC keys of the audit chain, read once from configuration or from the key file. A line records the id
/// of the key that signed it, so keys can rotate: new lines take the current key, old ones verify with theirs.
/// </summary>
public sealed class AuditKeys
{
    private const int MinimumKeyBytes = 32;
    private readonly IReadOnlyDictionary<string, byte[]> _keys;

    public AuditKeys(IOptions<AuditOptions> options)
    {
        var settings = options.Value;
        (CurrentKeyId, _keys) = settings.Keys.Count > 0 ? FromConfiguration(settings)
            : settings.KeyFile is { Length: > 0 } file ? AuditKeyFile.Read(file, settings.CreateKeyFile)
            : throw new AuditKeyException("The audit log needs a key: set Audit:Keys (with Audit:KeyId) or Audit:KeyFile.");
    }

    public string CurrentKeyId { get; }

    public bool Knows(string keyId) => _keys.ContainsKey(keyId);

    /// <summary>HMAC-SHA256 of <paramref name="text"/> with the key named <paramref name="keyId"/>, lower-case hex.</summary>
    public string Sign(string keyId, string text) =>
        _keys.TryGetValue(keyId, out var key)
            ? Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)))
            : throw new AuditKeyException($"Audit key '{keyId}' is not configured.");

    private static (string, IReadOnlyDictionary<string, byte[]>) FromConfiguration(AuditOptions settings)
    {
        var keys = settings.Keys.ToDictionary(k => k.Key, k => Decode($"Audit:Keys:{k.Key}", k.Value), StringComparer.Ordinal);
        var current = settings.KeyId is { Length: > 0 } id ? id
            : keys.Count == 1 ? keys.Keys.Single()
            : throw new AuditKeyException("Audit:KeyId must name the key new lines are signed with (several Audit:Keys are set).");
        if (!keys.ContainsKey(current)) throw new AuditKeyException($"Audit:KeyId '{current}' is not one of Audit:Keys.");
        return (current, keys);
    }

    internal static byte[] Decode(string name, string base64)
    {
        byte[] key;
        try { key = Convert.FromBase64String(base64); }
        catch (FormatException) { throw new AuditKeyException($"{name} is not base64."); }
        return key.Length >= MinimumKeyBytes ? key : throw new AuditKeyException($"{name} is shorter than {MinimumKeyBytes} bytes.");
    }

    internal static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumKeyBytes));
}

/// <summary>The audit keys are missing or malformed: the host does not start, `audit verify` says which.</summary>
public sealed class AuditKeyException(string message) : InvalidOperationException(message);

/// <summary>The embedded default's key store: a small JSON file beside (not inside) the database.</summary>
internal static class AuditKeyFile
{
    private sealed record Content(string KeyId, Dictionary<string, string> Keys);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static (string, IReadOnlyDictionary<string, byte[]>) Read(string path, bool createWhenMissing)
    {
        if (!File.Exists(path))
        {
            if (!createWhenMissing)
                throw new AuditKeyException($"No audit key file at {Path.GetFullPath(path)}: set Audit:KeyFile (or Audit:Keys) as the host has it.");
            Create(path);
        }
        Content? content;
        try { content = JsonSerializer.Deserialize<Content>(File.ReadAllText(path), Json); }
        catch (JsonException ex) { throw new AuditKeyException($"The audit key file {path} is not valid JSON ({ex.Path}): {ex.Message}"); }
        if (content is not { KeyId: not null, Keys: not null }) throw new AuditKeyException($"The audit key file {path} needs keyId and keys.");
        var keys = content.Keys.ToDictionary(k => k.Key, k => AuditKeys.Decode($"{path}: keys.{k.Key}", k.Value), StringComparer.Ordinal);
        if (!keys.ContainsKey(content.KeyId)) throw new AuditKeyException($"{path}: keyId '{content.KeyId}' is not one of its keys.");
        return (content.KeyId, keys);
    }

    /// <summary>One fresh key, named after the day it was made.</summary>
    private static void Create(string path)
    {
        var id = "k" + DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        Secrets.OwnerOnlyFile.CreateOnce(path, stream =>
            JsonSerializer.Serialize(stream, new Content(id, new Dictionary<string, string> { [id] = AuditKeys.NewKey() }), Json));
    }
}
