using ProcessEngine.Tests.Shared;
using ProcessEngine.Data;
using System.Net;
using System.Net.Http.Json;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// The host on PostgreSQL (Database:Provider=PostgreSql): the three contexts' own migrations, Hangfire's
/// PostgreSQL storage, and two hosts on one database behaving as one system. The reliability suite does
/// the same with separate processes under load; these are the quick checks of the wiring.
/// </summary>
public sealed class PostgreSqlHostTests
{
    [Fact]
    public async Task AFirstStartOnAnEmptyDatabase_LogsNoFailure()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var errors = new ErrorLog();
        await using var factory = new HostFactory { Database = database.Connection, Errors = errors };

        _ = factory.Server; // migrates all three contexts onto the empty database, imports the flows, seeds the accounts
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health")).StatusCode);

        // EF Core used to log "fail: Failed executing DbCommand … FROM \"__EFMigrationsHistory\"" once per context here.
        Assert.Empty(errors.Lines);
    }

    [Fact]
    public async Task TwoHostsStartingTogether_OnOneDatabase_PrepareItOnce_AndWorkAsOneSystem()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var nodeA = ApiHost.On(database.Connection);
        await using var nodeB = ApiHost.On(database.Connection);

        // Both start at once: the start-up lock lets one prepare the database while the other waits.
        await Task.WhenAll(Task.Run(nodeA.InitializeAsync), Task.Run(nodeB.InitializeAsync));

        foreach (var node in new[] { nodeA, nodeB })
        {
            var health = await node.Anonymous().GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        // Each shipped flow was published once, not once per node.
        var versions = await nodeA.Service<IWorkflowDefinitionStore>().ListLatestAsync();
        Assert.NotEmpty(versions);
        Assert.All(versions, v => Assert.Equal(1, v.Version));

        // A casus registered through one node is worked on through the other.
        var code = await ApiWorld.RegisterIntakeAsync(await nodeA.AsAsync("prof1"));
        var chairOnB = await nodeB.AsAsync("voorzitter");
        var triage = await ApiWorld.TaskOfAsync(chairOnB, "/api/tasks/team", code);
        var chairOnA = await nodeA.AsAsync("voorzitter");

        var answers = await Task.WhenAll(
            chairOnA.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Consultatie & Advies" }),
            chairOnB.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Consultatie & Advies" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var advies = (await (await chairOnB.GetAsync($"/api/tasks/team?casus={code}")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Single(advies);
        // Both nodes wrote audit lines into one chain, and it is intact.
        var audit = await nodeB.Service<AuditVerifier>().VerifyAsync();
        Assert.True(audit.Intact, audit.Problem);
        Assert.True(audit.LinesChecked > 4);
        // And the database itself refuses to change a line, as SQLite's triggers do.
        await using var connection = new Npgsql.NpgsqlConnection(database.Connection.ConnectionString);
        await connection.OpenAsync();
        await using var edit = new Npgsql.NpgsqlCommand("UPDATE \"AuditLog\" SET \"UserId\" = 'iemand-anders' WHERE \"Sequence\" = 2", connection);
        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => edit.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.MessageText);
    }

    [Fact]
    public async Task TwoHostsAuditingAtFullSpeed_QueueOnTheChain_AndEveryLineIsWritten()
    {
        // Each host has its own in-process writer lock, so only the database can order the two: before
        // the advisory lock, racing on the sequence key lost ten times in a row and failed the request.
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var nodeA = ApiHost.On(database.Connection);
        await using var nodeB = ApiHost.On(database.Connection);
        await nodeA.InitializeAsync();
        await nodeB.InitializeAsync();
        var before = (await nodeA.Service<AuditVerifier>().VerifyAsync()).LinesChecked;
        const int perWriter = 150, writersPerNode = 4;

        var writes = new[] { nodeA, nodeB }.SelectMany((node, n) => Enumerable.Range(0, writersPerNode).Select(w => Task.Run(async () =>
        {
            var log = node.Service<AuditLog>();
            for (var i = 0; i < perWriter; i++)
                await log.AppendAsync(new AuditRecord("test.pass", AuditAction.Execute, AuditOutcome.Success, $"node{n}-writer{w}", "Admin", null, "test", "127.0.0.1", Detail: i.ToString()));
        })));
        await Task.WhenAll(writes);

        var audit = await nodeB.Service<AuditVerifier>().VerifyAsync();
        Assert.True(audit.Intact, audit.Problem);
        Assert.Equal(before + 2 * writersPerNode * perWriter, audit.LinesChecked);
    }
}
