using System.Collections.Concurrent;
using System.Diagnostics;
using ProcessEngine.Data.Work;

namespace ProcessEngine.Host.Features.Diagnostics;

/// <summary>
/// What each kind of API call cost the database since the process started: how many calls, their commits,
/// statements and time in statements, and their time in the server. Keyed by method and route pattern
/// ("POST /api/tasks/{id:guid}/claim"), never by a path with ids in it. What no request did (timers, prompts,
/// sweeps) is the process's total less the calls' sum. Read by the `load` benchmark to print where a
/// completion's time and commits go.
/// </summary>
public sealed class DatabaseWorkPerCall
{
    private readonly ConcurrentDictionary<string, CallTally> _calls = new(StringComparer.Ordinal);

    public void Record(string call, DatabaseWorkFigures work, TimeSpan elapsed) => _calls.GetOrAdd(call, _ => new CallTally()).Add(work, elapsed);

    public DatabaseWorkReport Report()
    {
        var calls = _calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value.Row(c.Key)).ToList();
        var total = DatabaseWork.Totals;
        var requests = calls.Aggregate(DatabaseWorkFigures.None, (sum, c) => sum + new DatabaseWorkFigures(c.Commits, c.Statements,
            TimeSpan.FromMilliseconds(c.DatabaseMs)));
        var background = total - requests;
        return new DatabaseWorkReport(total.Commits, total.Statements, total.DatabaseTime.TotalMilliseconds, calls,
            new DatabaseWorkCall("(achtergrond)", 0, background.Commits, background.Statements, background.DatabaseTime.TotalMilliseconds, 0));
    }

    private sealed class CallTally
    {
        private readonly Lock _lock = new();
        private long _count;
        private DatabaseWorkFigures _work = DatabaseWorkFigures.None;
        private TimeSpan _elapsed;

        public void Add(DatabaseWorkFigures work, TimeSpan elapsed)
        {
            lock (_lock)
            {
                _count++;
                _work += work;
                _elapsed += elapsed;
            }
        }

        public DatabaseWorkCall Row(string call)
        {
            lock (_lock)
                return new DatabaseWorkCall(call, _count, _work.Commits, _work.Statements, _work.DatabaseTime.TotalMilliseconds, _elapsed.TotalMilliseconds);
        }
    }
}

public sealed record DatabaseWorkCall(string Call, long Count, long Commits, long Statements, double DatabaseMs, double ServerMs);

public sealed record DatabaseWorkReport(long Commits, long Statements, double DatabaseMs, IReadOnlyList<DatabaseWorkCall> Calls,
    DatabaseWorkCall Background);

public static class DatabaseWorkPerCallMiddleware
{
    /// <summary>Counts each API call's database work into <see cref="DatabaseWorkPerCall"/>.</summary>
    public static IApplicationBuilder UseDatabaseWorkPerCall(this IApplicationBuilder app)
    {
        var calls = app.ApplicationServices.GetRequiredService<DatabaseWorkPerCall>();
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                await next(context);
                return;
            }
            var tally = DatabaseWork.Begin();
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                calls.Record(CallName(context), tally.Figures, Stopwatch.GetElapsedTime(started));
            }
        });
    }

    private static string CallName(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint endpoint
            ? $"{context.Request.Method} {endpoint.RoutePattern.RawText}"
            : $"{context.Request.Method} (geen route)";
}
