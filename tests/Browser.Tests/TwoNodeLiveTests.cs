using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Data;
using ProcessEngine.Host.Live;
using ProcessEngine.Tests.Shared;
using static Microsoft.Playwright.Assertions;
using static ProcessEngine.Browser.Tests.WerkPages;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// Two nodes on one PostgreSQL database, a browser on one of them: an aanmelding committed on node A shows up
/// in the chair's team list on node B by itself, carried by LISTEN/NOTIFY to B's Blazor screens.
/// No class fixture: the one test owns its database and both nodes, so nothing outlives it.
/// </summary>
public sealed class TwoNodeLiveTests
{
    /// <summary>What the feature promises: a change on one node is on the other's screens within two seconds.</summary>
    private const float Promised = 2_000;

    /// <summary>A node starts listening just after it starts; generous for a busy machine, never a fixed sleep.</summary>
    private static readonly TimeSpan ListenerUp = TimeSpan.FromSeconds(30);

    // As Host.Tests' ApiWorld.Intake: the smallest intake the API accepts, which opens a triage for RvtChair.
    private static readonly object Intake = new
    {
        organisatie = "CJG", hulpvraag = "Zorgen om de veiligheid thuis; het gezin vraagt zelf om hulp.",
        huishouden = "GezinMetKinderen", onveiligheid = "Structureel", gezinWeetVanAanmelding = true,
    };

    [Fact]
    public async Task AnAanmeldingOnNodeA_AppearsInTheChairsTeamListOnNodeB_WithoutAReload()
    {
        // An unreachable server throws here with the reason (PostgresTestServer never skips).
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var nodeA = new KestrelHost { Database = database.Connection };
        // A starts alone and migrates; B then finds the schema ready instead of queuing on the advisory lock.
        var addressA = nodeA.BaseAddress;
        var world = new BrowserWorld(new KestrelHost { Database = database.Connection });
        try
        {
            await world.InitializeAsync();
            // A notification sent before B's LISTEN is in place is lost, so the test waits for both ears.
            foreach (var node in new[] { nodeA, world.Host })
                await node.Services.GetRequiredService<TaskChangeListener>().Listening.WaitAsync(ListenerUp);

            var chair = await world.SignedInAsync("voorzitter");
            await chair.GotoAsync("/inbox");
            await InteractiveAsync(chair);
            // A full reload would start a new document and lose this mark: the row must arrive in this one.
            await chair.EvaluateAsync("() => { window.peSameDocument = true; }");

            using var prof = await BearerClientAsync(addressA, "prof1");
            var created = await prof.PostAsJsonAsync("/api/trajecten", Intake);
            created.EnsureSuccessStatusCode();
            var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("casusCode").GetString()!;

            var row = chair.Locator($"[data-list='team-taken'] tr[data-casus='{code}']");
            await Expect(row).ToContainTextAsync("Triage nieuwe aanmelding", new() { Timeout = Promised });
            Assert.True(await chair.EvaluateAsync<bool>("() => window.peSameDocument === true"), "The inbox on node B was reloaded.");
        }
        finally
        {
            await world.DisposeAsync(); // the browser and node B, before A and the database go
        }
    }

    /// <summary>A client of node A signed in through the API's login, as an app would be.</summary>
    private static async Task<HttpClient> BearerClientAsync(Uri node, string userName)
    {
        var client = new HttpClient { BaseAddress = node };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = BrowserWorld.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
