using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Persistence;

/// <summary>
/// Involvement rows written inside the transaction of the act that gives them, so that an involvement exists exactly when its
/// act (and that act's audit line) does.
/// </summary>
internal sealed class InvolvementRows(string casusCode, string registeredBy, TimeProvider clock,
    Func<WorkflowChanges?, IEnumerable<GrantedInvolvement>> grants) : IUnitOfWorkPart
{
    public async ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
    {
        var wanted = grants(engineChanges).ToList();
        if (wanted.Count == 0) return;
        await using var db = await JoinedContext.JoinAsync<CasusDbContext>(transaction, options => new(options), ct);
        if (!await db.Casussen.AnyAsync(c => c.Code == casusCode, ct)) return;
        if (await AddMissingAsync(db, casusCode, wanted, registeredBy, clock.GetUtcNow(), ct) > 0) await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds the rows that <paramref name="grants"/> give and the casus does not have yet (one per involvement); how many.</summary>
    internal static async Task<int> AddMissingAsync(CasusDbContext db, string casusCode, IEnumerable<GrantedInvolvement> grants, string registeredBy,
        DateTimeOffset now, CancellationToken ct)
    {
        var present = await db.Involvements.Where(i => i.CasusCode == casusCode).ToListAsync(ct);
        var added = 0;
        foreach (var grant in grants.Where(g => g.Kind == InvolvementKind.Table || !string.IsNullOrEmpty(g.UserName)))
        {
            if (present.Any(p => p.Says(grant))) continue;
            var row = Involvement.Create(casusCode, grant, registeredBy, now);
            present.Add(row);
            db.Involvements.Add(row);
            added++;
        }
        return added;
    }
}
