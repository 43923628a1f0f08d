using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace ProcessEngine.Host.Security;

/// <summary>
/// Encrypts each Data Protection key (the XML that holds its secret) with AES-GCM under the key-encryption key before
/// it is written to the database. The element names the key-encryption key by fingerprint, so a node with another
/// one says so instead of failing obscurely.
/// </summary>
public sealed class KeyRingEncryptor(KeyEncryptionKey kek) : IXmlEncryptor
{
    internal static readonly XNamespace Ns = "urn:processengine:dataprotection";
    internal static readonly byte[] Purpose = Encoding.UTF8.GetBytes("ProcessEngine.DataProtection.KeyRing.v1");
    private const int NonceBytes = 12, TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(kek.Key, TagBytes))
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Purpose);
        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement(Ns + "encryptedKey", new XAttribute("kek", kek.Fingerprint), Convert.ToBase64String(sealedBytes));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }

    internal static XElement Decrypt(KeyEncryptionKey kek, XElement encrypted)
    {
        var named = (string?)encrypted.Attribute("kek");
        if (named != kek.Fingerprint)
            throw new CryptographicException($"This Data Protection key was encrypted with key-encryption key {named}, this node has {kek.Fingerprint}: give every node the same DataProtection:KeyEncryptionKey or KeyFile.");
        var sealedBytes = Convert.FromBase64String(encrypted.Value);
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using (var aes = new AesGcm(kek.Key, TagBytes))
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain, Purpose);
        try { return XElement.Parse(Encoding.UTF8.GetString(plain)); }
        finally { CryptographicOperations.ZeroMemory(plain); }
    }
}

/// <summary>Made by Data Protection itself (through its service-provider constructor) when it reads the key ring.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingEncryptor.Decrypt(services.GetRequiredService<KeyEncryptionKey>(), encryptedElement);
}
