using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using ProcessEngine.Host.Commands;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>Every read and change of casus data leaves exactly its audit line; the chain shows any edit afterwards.</summary>
public sealed class AuditTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    private async Task<IReadOnlyList<AuditEntry>> LinesAfterAsync(long sequence) =>
        (await world.Host.Service<AuditLog>().SearchAsync(new AuditQuery(Take: 500))).Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).ToList();

    private async Task<long> LastSequenceAsync() =>
        (await world.Host.Service<AuditLog>().SearchAsync(new AuditQuery(Take: 1))).Single().Sequence;

    public static TheoryData<string, string, string, string> CasusCalls => new()
    {
        // method, path after /api/casus/{code}, body, expected "event action outcome"
        { "GET", "", "", "casus.read R 0" },
        { "GET", "/timeline", "", "casus.timeline R 0" },
        { "GET", "/veiligheidskaart", "", "veiligheidskaart.read R 0" },
        { "GET", "/veiligheidskaart/versions", "", "veiligheidskaart.history R 0" },
        { "GET", "/veiligheidskaart/compare?van=1&tot=1", "", "veiligheidskaart.compare R 0" },
        { "POST", "/netwerk", """{ "rol": "buurvrouw", "soort": "Informeel" }""", "netwerk.create C 0" },
        { "PUT", "/veiligheidskaart", """{ "basisVersie": 0, "inhoud": { "zorgen": ["x"] } }""", "" },
        { "POST", "/stopknop", """{ "reden": "" }""", "" },
    };

    [Theory]
    [MemberData(nameof(CasusCalls))]
    public async Task EachCasusCall_WritesExactlyItsAuditLine_WithWhoWhatWhyAndWhere(string method, string path, string body, string expected)
    {
        using var prof1 = await world.Host.AsAsync("prof1");
        var before = await LastSequenceAsync();

        var response = await prof1.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/casus/{world.OnTable}{path}")
        {
            Content = body.Length == 0 ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        });

        var lines = await LinesAfterAsync(before);
        if (expected.Length == 0)
        {
            // Refused input (a stale version, a missing reason) changed nothing, so there is nothing to log.
            Assert.True((int)response.StatusCode is 400 or 409, $"{(int)response.StatusCode}");
            Assert.Empty(lines);
            return;
        }
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var line = Assert.Single(lines);
        Assert.Equal(expected, $"{line.EventCode} {line.Action} {line.Outcome}");
        Assert.Equal(("prof1", "Professional", world.OnTable), (line.UserId, line.Role, line.CasusCode));
        Assert.Equal("zorgverlening (inbrenger)", line.Purpose);
    }

    [Fact]
    public async Task ARefusedLook_IsAuditedAsRefused_AndShowsNothing()
    {
        using var prof2 = await world.Host.AsAsync("prof2");
        var before = await LastSequenceAsync();

        var response = await prof2.GetAsync($"/api/casus/{world.OnTable}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Zorgen om de veiligheid", await response.Content.ReadAsStringAsync());
        var line = Assert.Single(await LinesAfterAsync(before));
        Assert.Equal(("casus.read", AuditOutcome.Refused, "prof2", world.OnTable), (line.EventCode, line.Outcome, line.UserId, line.CasusCode));
    }

    [Fact]
    public async Task SavingTheVeiligheidskaart_IsAnUpdateLineNamingTheVersion()
    {
        using var prof1 = await world.Host.AsAsync("prof1");
        var current = (await (await prof1.GetAsync($"/api/casus/{world.OnTable}/veiligheidskaart")).ReadJsonAsync()).GetProperty("versie").GetInt32();
        var before = await LastSequenceAsync();

        var saved = await prof1.PutAsJsonAsync($"/api/casus/{world.OnTable}/veiligheidskaart",
            new { basisVersie = current, inhoud = new { zorgen = new[] { "Spanningen thuis" }, krachten = new[] { "Oma en de buurvrouw helpen" } } });

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var line = Assert.Single(await LinesAfterAsync(before));
        Assert.Equal(("veiligheidskaart.update", AuditAction.Update, $"versie {current + 1}"), (line.EventCode, line.Action, line.Detail));
    }

    [Theory]
    [InlineData("prof1", "/api/tasks/mine", "task.list.mine")]
    [InlineData("voorzitter", "/api/tasks/team", "task.list.team")]
    [InlineData("voorzitter", "/api/rvt/agenda", "rvt.agenda")]
    public async Task AListShowingCasussen_IsOneLine_NamingEachCasusItShowed(string user, string path, string eventCode)
    {
        using var client = await world.Host.AsAsync(user);
        var before = await LastSequenceAsync();

        var shown = (await (await ApiWorld.Ok(client.GetAsync(path))).ReadJsonAsync()).EnumerateArray()
            .Select(item => item.GetProperty("casusCode").GetString()!).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(shown);
        var line = Assert.Single(await LinesAfterAsync(before));
        Assert.Equal((eventCode, AuditAction.Read, user, null, string.Join(',', shown)), (line.EventCode, line.Action, line.UserId, line.CasusCode, line.CasusCodes));
        // Who looked at a casus includes who saw it in a list: the admins' search by casus finds the line.
        foreach (var code in shown)
            Assert.Contains(await world.Host.Service<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code)), l => l.Sequence == line.Sequence);
        Assert.True((await world.Host.Service<AuditVerifier>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task AnEmptyInbox_LeavesNoLine_AndAProbedTaskIdIsRefused()
    {
        using var prof1 = await world.Host.AsAsync("prof1");
        using var prof2 = await world.Host.AsAsync("prof2");
        var before = await LastSequenceAsync();

        Assert.Empty((await (await ApiWorld.Ok(prof1.GetAsync("/api/tasks/mine?casus=RVT-2026-ZZZZZZ"))).ReadJsonAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await prof2.GetAsync($"/api/tasks/{Guid.Empty}")).StatusCode);

        var line = Assert.Single(await LinesAfterAsync(before));
        Assert.Equal(("task.read", AuditOutcome.Refused, "prof2", $"{Guid.Empty}: taak bestaat niet"), (line.EventCode, line.Outcome, line.UserId, line.Detail));
    }

    [Fact]
    public async Task ASaveWhoseAuditLineTheDatabaseRefuses_Is503_AndStoresNoVersion()
    {
        using var prof1 = await world.Host.AsAsync("prof1");
        var kaart = $"/api/casus/{world.OnTable}/veiligheidskaart";
        var current = (await (await prof1.GetAsync(kaart)).ReadJsonAsync()).GetProperty("versie").GetInt32();
        var before = await LastSequenceAsync();

        HttpResponseMessage refused;
        await using (await RefusedAuditLog.OnAsync(world.Host.Factory.DatabasePath))
            refused = await prof1.PutAsJsonAsync(kaart, new { basisVersie = current, inhoud = new { zorgen = new[] { "Niet opgeslagen" } } });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Empty(await LinesAfterAsync(before));
        // The version went with its line: the kaart is as it was, and the author's next save is the next version.
        Assert.Equal(current, (await (await prof1.GetAsync(kaart)).ReadJsonAsync()).GetProperty("versie").GetInt32());
        Assert.Equal(HttpStatusCode.Created,
            (await prof1.PutAsJsonAsync(kaart, new { basisVersie = current, inhoud = new { zorgen = new[] { "Wel opgeslagen" } } })).StatusCode);
    }

    [Fact]
    public async Task Verify_WithoutTheHostsKeyFile_RefusesAndMakesNoKey()
    {
        var missing = Path.Combine(Path.GetTempPath(), "processengine-tests", $"no-keys-{Guid.NewGuid():N}.json");
        var output = new StringWriter();

        var exit = await AuditCommand.RunAsync(["verify", $"--ConnectionStrings:ProcessEngine=Data Source={world.Host.Factory.DatabasePath}",
            $"--Audit:KeyFile={missing}"], output);

        Assert.Equal(1, exit);
        Assert.Contains($"No audit key file at {missing}", output.ToString());
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Verify_FindsTheFirstEditedLine_AndTheCommandExitsOne()
    {
        await using var host = new ApiHost();
        await host.InitializeAsync();
        using (var prof1 = await host.AsAsync("prof1"))
        {
            await prof1.PostAsJsonAsync("/api/trajecten", ApiWorld.Intake);
            await prof1.GetAsync("/api/tasks/mine");
        }
        var connection = $"--ConnectionStrings:ProcessEngine=Data Source={host.Factory.DatabasePath}";
        var intact = new StringWriter();
        Assert.Equal(0, await AuditCommand.RunAsync(["verify", connection], intact));
        Assert.Contains("intact", intact.ToString());

        // Someone with access to the file drops the guard and rewrites who read the casus.
        await using (var db = new SqliteConnection($"Data Source={host.Factory.DatabasePath};Pooling=False"))
        {
            await db.OpenAsync();
            var edit = db.CreateCommand();
            edit.CommandText = "DROP TRIGGER AuditLog_NoUpdate; UPDATE AuditLog SET UserId = 'iemand-anders' WHERE Sequence = 2;";
            await edit.ExecuteNonQueryAsync();
        }
        var broken = new StringWriter();

        Assert.Equal(1, await AuditCommand.RunAsync(["verify", connection], broken));
        Assert.Contains("BROKEN (edited) at line 2: line 2 ", broken.ToString());
        Assert.False((await host.Service<AuditVerifier>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task TheDatabase_RefusesToChangeOrDeleteAuditLines()
    {
        await using var db = new SqliteConnection($"Data Source={world.Host.Factory.DatabasePath};Pooling=False");
        await db.OpenAsync();
        foreach (var sql in new[] { "UPDATE AuditLog SET UserId = 'x' WHERE Sequence = 1", "DELETE FROM AuditLog WHERE Sequence = 1" })
        {
            var command = db.CreateCommand();
            command.CommandText = sql;
            var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.Message);
        }
    }
}
