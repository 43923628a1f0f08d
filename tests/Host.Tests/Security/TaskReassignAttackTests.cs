using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// Handing a task on gives casus access to whoever gets it, so only an active account that may do that work can: not an
/// account that does not work on casussen (a manager), not a locked-out one; the new holder is stored by the account's own
/// name, whatever was typed, and named in the audit line.
/// </summary>
public sealed class TaskReassignAttackTests(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task<(HttpClient Prof1, Guid Task, string Code)> PreparationTaskAsync()
    {
        var prof1 = await host.AsAsync("prof1");
        var chair = await host.AsAsync("voorzitter");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        var triage = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);
        await ApiWorld.Ok(chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Bespreking", data = new { tafeldatum = ApiWorld.DaysAhead(10) } }));
        return (prof1, await ApiWorld.TaskOfAsync(prof1, "/api/tasks/mine", code), code);
    }

    [Theory]
    [InlineData("manager", "werkt niet aan casussen")]
    [InlineData("coordinator", "werkt niet aan casussen")]
    [InlineData("niemand-bekend", "Er is geen gebruiker")]
    public async Task ATask_CannotGoToSomeoneWhoDoesNotDoThatWork(string assignee, string problem)
    {
        var (prof1, task, _) = await PreparationTaskAsync();

        var refused = await prof1.PostAsJsonAsync($"/api/tasks/{task}/reassign", new { assignee });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.ReadJsonAsync();
        Assert.Contains(problem, body.GetProperty("errors").GetProperty("assignee")[0].GetString());
        Assert.Equal("prof1", (await (await ApiWorld.Ok(prof1.GetAsync($"/api/tasks/{task}"))).ReadJsonAsync()).GetProperty("assignee").GetString());
    }

    [Fact]
    public async Task ATask_CannotGoToALockedOutAccount()
    {
        var (prof1, task, _) = await PreparationTaskAsync();
        await using (var scope = host.Service<IServiceScopeFactory>().CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("prof2"))!, DateTimeOffset.UtcNow.AddHours(1));
        }
        try
        {
            var refused = await prof1.PostAsJsonAsync($"/api/tasks/{task}/reassign", new { assignee = "prof2" });

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("geblokkeerd", await refused.Content.ReadAsStringAsync());
        }
        finally
        {
            await using var scope = host.Service<IServiceScopeFactory>().CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("prof2"))!, null);
        }
    }

    [Fact]
    public async Task ATask_GoesToTheAccountByItsOwnName_AndTheAuditLineNamesTheNewHolder()
    {
        var (prof1, task, code) = await PreparationTaskAsync();

        var handed = await (await ApiWorld.Ok(prof1.PostAsJsonAsync($"/api/tasks/{task}/reassign", new { assignee = " PROF2 " }))).ReadJsonAsync();

        Assert.Equal("prof2", handed.GetProperty("assignee").GetString());
        var lines = await host.Service<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code, UserId: "prof1"));
        Assert.Contains(lines, l => l.EventCode == "task.reassign" && l.Outcome == AuditOutcome.Success && l.Detail == $"{task} aan prof2");
    }
}
