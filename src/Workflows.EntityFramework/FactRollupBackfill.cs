using Microsoft.EntityFrameworkCore;
using ProcessEngine.Workflows.Runtime;

using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>
/// Fills the day rollup once for facts recorded before it existed (a database made before the
/// FactDayCounts migration): from then on the pass writer keeps it in the facts' own transaction.
/// The Amsterdam day is a calendar rule SQL cannot apply, hence C#; it runs only while the rollup is
/// empty and facts exist, so it costs one cheap check on every later start.
/// </summary>
internal static class FactRollupBackfill
{
    public static async Task RunAsync(WorkflowDbContext db, CancellationToken ct)
    {
        if (await db.FactDayCounts.AnyAsync(ct) || !await db.Facts.AnyAsync(ct)) return;
        var counts = new Dictionary<(string Dimension, int Day, string Name, string Value), int>();
        await foreach (var fact in db.Facts.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var day = FactDayCount.DayOf(fact.OccurredAt);
            foreach (var (dimension, value) in FactDayCount.KeysOf(fact))
                counts[(dimension, day, fact.Name, value)] = counts.GetValueOrDefault((dimension, day, fact.Name, value)) + 1;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var ((dimension, day, name, value), count) in counts)
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "FactDayCounts" ("Dimension", "Day", "Name", "Value", "Count") VALUES ({dimension}, {day}, {name}, {value}, {count})""", ct);
        await transaction.CommitAsync(ct);
    }
}
