using System.Diagnostics;

namespace ProcessEngine.Bench;

/// <summary>
/// <c>--breakdown</c>: where a resume step's time goes, per step, for the engine and the floor side by side.
/// The floor's COMMIT is what SQLite's WAL write and fsync cost; the engine's commit minus that is EF Core's
/// SaveChanges work plus its extra SQL.
/// </summary>
internal static class Breakdown
{
    public static void Print(TimedStore store, TimeSpan engine, SqliteFloor floor, TimeSpan floorTotal, long steps)
    {
        double Ms(long ticks) => Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds / steps;
        double PerStep(TimeSpan time) => time.TotalMilliseconds / steps;
        var inStore = store.FindTask + store.FindInstance + store.GetBookmarks + store.Commit;
        Console.WriteLine($"  breakdown, ms per step (wall time; the timing wrapper itself adds a little):");
        Console.WriteLine($"    engine {PerStep(engine):F3} = FindTask {Ms(store.FindTask):F3} + FindInstance {Ms(store.FindInstance):F3}"
            + $" + GetBookmarks {Ms(store.GetBookmarks):F3} + Commit {Ms(store.Commit):F3} + engine code {PerStep(engine) - Ms(inStore):F3}");
        Console.WriteLine($"    floor  {PerStep(floorTotal):F3} = statements {PerStep(floorTotal - floor.CommitTime):F3} + COMMIT {PerStep(floor.CommitTime):F3}");
    }
}
