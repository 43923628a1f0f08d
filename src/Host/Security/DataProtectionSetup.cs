using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Persistence;

namespace ProcessEngine.Host.Security;

/// <summary>
/// The keys that protect session cookies, bearer and refresh tokens, the second step's cookie and antiforgery tokens:
/// kept in the database, so every node reads and writes one key ring (a cookie made on one node is good on the
/// next), and encrypted there under a key kept outside it (<see cref="KeyEncryptionKey"/>).
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>One name for every node and version, so the keys' purposes match wherever the host runs from.</summary>
    public const string ApplicationName = "ProcessEngine";

    public static void AddSharedDataProtection(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<KeyRingOptions>()
            .Bind(builder.Configuration.GetSection("DataProtection"))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyRingOptions>, KeyRingValidation>();
        services.AddSingleton(sp => KeyEncryptionKey.From(sp.GetRequiredService<IOptions<KeyRingOptions>>().Value));
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<HostDbContext>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<KeyEncryptionKey>((o, kek) => o.XmlEncryptor = new KeyRingEncryptor(kek));
    }

    /// <summary>A key-encryption key that is missing, not base64 or too short stops the start, naming the setting.</summary>
    private sealed class KeyRingValidation : IValidateOptions<KeyRingOptions>
    {
        public ValidateOptionsResult Validate(string? name, KeyRingOptions options) =>
            KeyEncryptionKey.Problem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
