using Microsoft.EntityFrameworkCore;
using ProcessEngine.Host.Features.Waarnemingen;
using ProcessEngine.HostStore.Persistence;

namespace ProcessEngine.Host.Prompts;

/// <summary>A person a prompt goes to: the user name the engine knows and the address the e-mail goes to.</summary>
public sealed record PromptRecipient(string UserName, string Email);

/// <summary>
/// Who should hear of a task: its assignee (and whoever stands in for them now), or else every member of its candidate group
/// (a role or a team). People without an e-mail address are skipped and logged: an administrator can add the address.
/// </summary>
public sealed class PromptRecipients(IDbContextFactory<HostDbContext> contexts, WaarnemingStore waarnemingen, ILogger<PromptRecipients> logger)
{
    public Task<IReadOnlyList<PromptRecipient>> ForTaskAsync(Guid taskId, string? assignee, string? group, CancellationToken ct) =>
        assignee is not null ? HolderAsync(taskId, assignee, ct)
        : group is not null ? GroupAsync(taskId, group, ct)
        : Task.FromResult<IReadOnlyList<PromptRecipient>>([]);

    /// <summary>
    /// The holder of a task and, during a waarneming, the stand-in as well: the task shows in the stand-in's inbox, and the holder
    /// still hears of it (they may read their mail, and the work is theirs again after the period). Each person once.
    /// </summary>
    public async Task<IReadOnlyList<PromptRecipient>> HolderAsync(Guid taskId, string holder, CancellationToken ct)
    {
        var people = new List<PromptRecipient>(await UserAsync(taskId, holder, ct));
        foreach (var standIn in await waarnemingen.StandInsOfAsync(holder, ct)) people.AddRange(await UserAsync(taskId, standIn, ct));
        return [.. people.DistinctBy(p => p.UserName, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<IReadOnlyList<PromptRecipient>> UserAsync(Guid taskId, string userName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Identity's default normaliser upper-cases invariantly; the normalised name is the indexed column.
        var normalised = userName.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalised)
            .Select(u => new { u.UserName, u.Email }).FirstOrDefaultAsync(ct);
        if (user is null) logger.LogWarning("Task {TaskId}: no account {User}, so no e-mail prompt", taskId, userName);
        return WithAddress(taskId, user is null ? [] : [(user.UserName ?? userName, user.Email)]);
    }

    public async Task<IReadOnlyList<PromptRecipient>> GroupAsync(Guid taskId, string groupName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var inRole = await (
            from user in db.Users
            join link in db.UserRoles on user.Id equals link.UserId
            join role in db.Roles on link.RoleId equals role.Id
            where role.Name == groupName
            select new { user.UserName, user.Email }).ToListAsync(ct);
        // Teams is a short comma-separated list: narrowed in SQL, matched exactly here.
        var inTeam = (await db.Users.AsNoTracking().Where(u => u.Teams.Contains(groupName))
                .Select(u => new { u.UserName, u.Email, u.Teams }).ToListAsync(ct))
            .Where(u => u.Teams.Split(',', StringSplitOptions.TrimEntries).Contains(groupName, StringComparer.Ordinal))
            .Select(u => new { u.UserName, u.Email });
        var members = inRole.Concat(inTeam).Where(u => u.UserName is not null)
            .DistinctBy(u => u.UserName).OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => (UserName: u.UserName!, Email: (string?)u.Email)).ToList();
        if (members.Count == 0) logger.LogWarning("Task {TaskId}: group {Group} has no members, so no e-mail prompt", taskId, groupName);
        return WithAddress(taskId, members);
    }

    /// <summary>The other members of every team <paramref name="userName"/> is in (roles are not teams: a role is too wide to ask).</summary>
    public async Task<IReadOnlyList<PromptRecipient>> TeamColleaguesAsync(Guid taskId, string userName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var normalised = userName.ToUpperInvariant();
        var teams = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalised).Select(u => u.Teams).FirstOrDefaultAsync(ct);
        var colleagues = new List<PromptRecipient>();
        foreach (var team in (teams ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            colleagues.AddRange(await GroupAsync(taskId, team, ct));
        return [.. colleagues.Where(c => c.UserName != userName).DistinctBy(c => c.UserName)];
    }

    private List<PromptRecipient> WithAddress(Guid taskId, IEnumerable<(string UserName, string? Email)> people)
    {
        var recipients = new List<PromptRecipient>();
        foreach (var (userName, email) in people)
        {
            if (string.IsNullOrWhiteSpace(email)) logger.LogWarning("Task {TaskId}: {User} has no e-mail address, so no e-mail prompt", taskId, userName);
            else recipients.Add(new PromptRecipient(userName, email));
        }
        return recipients;
    }
}
