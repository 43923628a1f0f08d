using ProcessEngine.Data;
using ProcessEngine.Host.Live;
using ProcessEngine.Host.Prompts;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.Tests.Shared;

namespace ProcessEngine.Host.Tests.Prompts;

/// <summary>
/// Two nodes on one PostgreSQL database: a task change committed on one reaches the inboxes connected to the
/// other through LISTEN/NOTIFY, and a node whose listening connection dropped tells its inboxes to resync.
/// </summary>
public sealed class LiveAcrossNodesTests
{
    /// <summary>What the feature promises: a change on one node is on the other's screens within two seconds.</summary>
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(2);

    /// <summary>Reconnecting starts half a second after the drop; generous for a busy machine.</summary>
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AChangeCommittedOnNodeA_ReachesAnInboxConnectedToNodeB()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var nodeA = ApiHost.On(database.Connection);
        await using var nodeB = ApiHost.On(database.Connection);
        await nodeA.InitializeAsync();
        await nodeB.InitializeAsync();
        await ListeningAsync(nodeA, nodeB);
        await using var chairOnB = await InboxAsync(nodeB, "voorzitter");
        await using var chairOnA = await InboxAsync(nodeA, "voorzitter");

        var code = await ApiWorld.RegisterIntakeAsync(await nodeA.AsAsync("prof1"));

        var push = await chairOnB.NextAsync(Promised);
        var triage = await ApiWorld.TaskOfAsync(await nodeB.AsAsync("voorzitter"), "/api/tasks/team", code);
        Assert.Equal(new TaskPush(triage, code, TaskPush.Created), push);
        // The committing node's own inboxes hear it through the same listener.
        Assert.Equal(push, await chairOnA.NextAsync(Promised));
    }

    [Fact]
    public async Task AfterNodeBLosesItsListener_ItsInboxesResync_AndHearNodeAAgain()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var nodeA = ApiHost.On(database.Connection);
        await using var nodeB = ApiHost.On(database.Connection);
        await nodeA.InitializeAsync();
        await nodeB.InitializeAsync();
        await ListeningAsync(nodeA, nodeB);
        await using var chairOnB = await InboxAsync(nodeB, "voorzitter");
        var listener = nodeB.Service<TaskChangeListener>();
        var dropped = listener.BackendProcessId;

        // As a server restart or an operator would: the backend goes, and notifications sent meanwhile are lost.
        await using (var admin = new Npgsql.NpgsqlConnection(database.Connection.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new Npgsql.NpgsqlCommand("SELECT pg_terminate_backend(@pid)", admin);
            terminate.Parameters.AddWithValue("pid", dropped);
            Assert.Equal(true, await terminate.ExecuteScalarAsync());
        }

        Assert.Equal(new TaskPush(Guid.Empty, null, TaskPush.Resync), await chairOnB.NextAsync(Reconnect));
        Assert.NotEqual(dropped, listener.BackendProcessId);
        Assert.True(listener.Listening.IsCompleted);

        var code = await ApiWorld.RegisterIntakeAsync(await nodeA.AsAsync("prof1"));
        var push = await chairOnB.NextAsync(Promised);
        Assert.Equal((code, TaskPush.Created), (push.CasusCode, push.Kind));
    }

    private static async Task ListeningAsync(params ApiHost[] nodes)
    {
        foreach (var node in nodes) await node.Service<TaskChangeListener>().Listening.WaitAsync(Reconnect);
    }

    private static async Task<HubInbox> InboxAsync(ApiHost node, string userName) =>
        await HubInbox.ConnectAsync(node.Factory.Server, await node.TokenAsync(userName));
}
