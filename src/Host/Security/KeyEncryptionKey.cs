using System.Security.Cryptography;
using System.Text.Json;
using ProcessEngine.HostStore.Secrets;

namespace ProcessEngine.Host.Security;

/// <summary>
/// DataProtection: where the key that encrypts the Data Protection key ring comes from. The ring itself lives in the
/// database (every node reads the same one); this key stays outside it, so a copy of the database cannot forge a
/// session. Every node needs the same one.
/// </summary>
public sealed class KeyRingOptions
{
    /// <summary>The key as base64 (at least 32 bytes), e.g. from a secret store; wins over <see cref="KeyFile"/>.</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>A key file, made with a fresh key (owner-only) on the first start when absent.</summary>
    public string? KeyFile { get; set; }
}

/// <summary>The key-encryption key, and a short fingerprint that names it without giving it away.</summary>
public sealed class KeyEncryptionKey
{
    private const int KeyBytes = 32;

    private KeyEncryptionKey(byte[] key)
    {
        Key = key;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(key))[..12];
    }

    public byte[] Key { get; }

    public string Fingerprint { get; }

    public static KeyEncryptionKey From(KeyRingOptions options)
    {
        if (options.KeyEncryptionKey is { Length: > 0 } configured) return new(Decode("DataProtection:KeyEncryptionKey", configured));
        if (options.KeyFile is not { Length: > 0 } file)
            throw new InvalidOperationException("The Data Protection keys need a key-encryption key: set DataProtection:KeyEncryptionKey or DataProtection:KeyFile.");
        OwnerOnlyFile.CreateOnce(file, stream => JsonSerializer.Serialize(stream, new FileContent(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)))));
        FileContent? content;
        try { content = JsonSerializer.Deserialize<FileContent>(File.ReadAllText(file)); }
        catch (JsonException ex) { throw new InvalidOperationException($"The key file {file} (DataProtection:KeyFile) is not valid JSON: {ex.Message}"); }
        return content is { Key: { } key } ? new(Decode($"{file}: key", key)) : throw new InvalidOperationException($"The key file {file} (DataProtection:KeyFile) needs a key.");
    }

    /// <summary>Null when fine, else what is wrong with the configured key (for the start-up validation).</summary>
    public static string? Problem(KeyRingOptions options)
    {
        try { From(options); return null; }
        catch (InvalidOperationException ex) { return ex.Message; }
    }

    private static byte[] Decode(string name, string base64)
    {
        byte[] key;
        try { key = Convert.FromBase64String(base64); }
        catch (FormatException) { throw new InvalidOperationException($"{name} is not base64."); }
        return key.Length >= KeyBytes ? key[..KeyBytes] : throw new InvalidOperationException($"{name} is shorter than {KeyBytes} bytes.");
    }

    private sealed record FileContent([property: System.Text.Json.Serialization.JsonPropertyName("key")] string? Key);
}
