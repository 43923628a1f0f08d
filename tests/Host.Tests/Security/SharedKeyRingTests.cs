using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ProcessEngine.Host.Tests.Api;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// The keys behind cookies and tokens live in the database, so two nodes honour each other's sessions; and they are
/// encrypted there, so a stolen copy of the database does not let anyone forge a session.
/// </summary>
public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task ASessionMadeOnOneNode_IsGoodOnTheOther_AndTheDatabaseHoldsNoKeyInTheClear()
    {
        await using var first = new HostFactory();
        using var one = first.CreateClient();
        var signIn = await one.PostAsJsonAsync("/api/auth/login", new { userName = "prof1", password = ApiHost.Password, useCookies = true });
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ProcessEngine.Auth=", StringComparison.Ordinal)).Split(';')[0];
        var token = (await (await one.PostAsJsonAsync("/api/auth/login", new { userName = "prof1", password = ApiHost.Password })).ReadJsonAsync())
            .GetProperty("accessToken").GetString()!;

        await using var second = new HostFactory { DatabasePath = first.DatabasePath };
        using var other = second.CreateClient();
        var byCookie = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        byCookie.Headers.Add("Cookie", cookie);
        var byToken = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        byToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(byCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(byToken)).StatusCode);
        var stored = await StoredKeysAsync(first.DatabasePath);
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("urn:processengine:dataprotection", xml);
            Assert.DoesNotContain("masterKey", xml);
        });
    }

    [Fact]
    public async Task AKeyEncryptionKeyTooShort_StopsTheStart_NamingTheSetting()
    {
        await using var host = new HostFactory
        {
            Settings = new Dictionary<string, string> { ["DataProtection:KeyEncryptionKey"] = Convert.ToBase64String(new byte[16]) },
        };

        var refused = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Equal("DataProtection:KeyEncryptionKey is shorter than 32 bytes.", refused.Message);
    }

    private static async Task<List<string>> StoredKeysAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Xml FROM DataProtectionKeys";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        return keys;
    }
}
