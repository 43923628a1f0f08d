using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using ProcessEngine.Host.Prompts;
using ProcessEngine.Host.Security;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Prompts;

public sealed class TaskHubTests
{
    /// <summary>Long enough for a slow machine; a push that arrives ends the wait at once.</summary>
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Push_ReachesTheAssigneeAndTheGroup_AndNobodyElse()
    {
        await using var host = new PromptHost();
        await using var chair = await InboxAsync(host, "voorzitter");
        await using var prof1 = await InboxAsync(host, "prof1");
        await using var prof2 = await InboxAsync(host, "prof2");

        var code = await host.RegisterIntakeAsync();
        var triage = await host.OpenTaskAsync(code, "Triage nieuwe aanmelding");
        Assert.Equal(new TaskPush(triage.Id, code, TaskPush.Created), await chair.NextAsync(PushTimeout));

        var runtime = host.Get<WorkflowRuntime>();
        await runtime.CompleteTaskAsync(triage.Id, "Bespreking", new Dictionary<string, object?> { ["tafeldatum"] = "2026-03-12" }, "voorzitter");
        var voorbereiden = await host.OpenTaskAsync(code, "Bespreking aan de RVT-tafel voorbereiden");
        Assert.Equal(new TaskPush(triage.Id, code, TaskPush.Completed), await chair.NextAsync(PushTimeout));
        Assert.Equal(new TaskPush(voorbereiden.Id, code, TaskPush.Created), await prof1.NextAsync(PushTimeout));

        // Pushes leave in order; had prof2 been sent any of the above, it would arrive before this one.
        await runtime.ReassignTaskAsync(voorbereiden.Id, "prof2", "coordinator");
        Assert.Equal(new TaskPush(voorbereiden.Id, code, TaskPush.Assigned), await prof2.NextAsync(PushTimeout));
        Assert.Equal(0, prof2.Pending);
        Assert.Equal(0, chair.Pending);
        Assert.Equal(0, prof1.Pending);
    }

    [Fact]
    public async Task Hub_RefusesAConnection_WithoutSignIn()
    {
        await using var host = new PromptHost();
        await using var connection = HubInbox.Connection(host.Server, token: null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static async Task<HubInbox> InboxAsync(PromptHost host, string userName)
    {
        using var client = host.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = new AccountOptions().DemoPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        return await HubInbox.ConnectAsync(host.Server, token!);
    }
}
