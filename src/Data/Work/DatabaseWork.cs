using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProcessEngine.Data.Work;

/// <summary>
/// What this process asks of its database: commits and statements, in total and for the unit of work running
/// now (a request, see <see cref="Begin"/>). Every DbContext counts through <see cref="DatabaseWorkInterceptors"/>;
/// the engine's change writers and the audit log's raw statements report here themselves. The same figures go
/// to the meter <see cref="MeterName"/>, for whoever listens (OpenTelemetry, dotnet-counters).
/// Why: "one commit per claim" is a claim about the whole process, which no single part can see.
/// </summary>
public static class DatabaseWork
{
    public const string MeterName = "ProcessEngine.Database";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> CommitCounter = Meter.CreateCounter<long>("processengine.db.commits", "{commit}",
        "Transactions committed, explicit and single-statement (autocommit) writes alike.");
    private static readonly Counter<long> StatementCounter = Meter.CreateCounter<long>("processengine.db.statements", "{statement}",
        "Statements executed.");
    private static readonly Histogram<double> StatementDuration = Meter.CreateHistogram<double>("processengine.db.statement.duration", "ms",
        "Time from sending a statement to its result.");
    private static readonly AsyncLocal<DatabaseWorkTally?> Current = new();
    private static readonly DatabaseWorkTally Process = new();

    /// <summary>Everything this process did since it started.</summary>
    public static DatabaseWorkFigures Totals => Process.Figures;

    /// <summary>Counts, from here on in this asynchronous flow (and what it awaits), into a tally of its own as well.</summary>
    public static DatabaseWorkTally Begin()
    {
        var tally = new DatabaseWorkTally();
        Current.Value = tally;
        return tally;
    }

    /// <summary>A commit, and how long it took (zero for a single-statement write, whose time its statement counted).</summary>
    public static void Committed(TimeSpan elapsed)
    {
        Process.AddCommit(elapsed);
        Current.Value?.AddCommit(elapsed);
        CommitCounter.Add(1);
    }

    /// <summary>Commits and counts, timing the commit.</summary>
    public static async Task CommitAsync(Func<Task> commit)
    {
        var started = Stopwatch.GetTimestamp();
        await commit();
        Committed(Stopwatch.GetElapsedTime(started));
    }

    public static void Commit(Action commit)
    {
        var started = Stopwatch.GetTimestamp();
        commit();
        Committed(Stopwatch.GetElapsedTime(started));
    }

    public static void Executed(TimeSpan elapsed)
    {
        Process.AddStatement(elapsed);
        Current.Value?.AddStatement(elapsed);
        StatementCounter.Add(1);
        StatementDuration.Record(elapsed.TotalMilliseconds);
    }

    /// <summary>Runs a statement and counts it, also when it fails.</summary>
    public static async Task<T> TimedAsync<T>(Func<Task<T>> statement)
    {
        var started = Stopwatch.GetTimestamp();
        try { return await statement(); }
        finally { Executed(Stopwatch.GetElapsedTime(started)); }
    }

    public static T Timed<T>(Func<T> statement)
    {
        var started = Stopwatch.GetTimestamp();
        try { return statement(); }
        finally { Executed(Stopwatch.GetElapsedTime(started)); }
    }
}

/// <summary>A running count, safe to add to from many threads.</summary>
public sealed class DatabaseWorkTally
{
    private long _commits;
    private long _statements;
    private long _databaseTicks;

    public void AddCommit(TimeSpan elapsed)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _databaseTicks, elapsed.Ticks);
    }

    public void AddStatement(TimeSpan elapsed)
    {
        Interlocked.Increment(ref _statements);
        Interlocked.Add(ref _databaseTicks, elapsed.Ticks);
    }

    public DatabaseWorkFigures Figures =>
        new(Interlocked.Read(ref _commits), Interlocked.Read(ref _statements), TimeSpan.FromTicks(Interlocked.Read(ref _databaseTicks)));
}

/// <summary>Commits, statements, and the time spent waiting on both.</summary>
public sealed record DatabaseWorkFigures(long Commits, long Statements, TimeSpan DatabaseTime)
{
    public static DatabaseWorkFigures operator -(DatabaseWorkFigures a, DatabaseWorkFigures b) =>
        new(a.Commits - b.Commits, a.Statements - b.Statements, a.DatabaseTime - b.DatabaseTime);

    public static DatabaseWorkFigures operator +(DatabaseWorkFigures a, DatabaseWorkFigures b) =>
        new(a.Commits + b.Commits, a.Statements + b.Statements, a.DatabaseTime + b.DatabaseTime);

    public static DatabaseWorkFigures None { get; } = new(0, 0, TimeSpan.Zero);
}
