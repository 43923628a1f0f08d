using System.Data.Common;
using System.Diagnostics;

namespace ProcessEngine.Data.Work;

/// <summary>
/// A span per SQLite command, for traces that show where a request's time went on the embedded database. PostgreSQL's
/// commands get theirs from Npgsql's own instrumentation; EF Core's is served only as a beta here. The span names the
/// operation, never the statement's text or parameters, so no casus code or typed text can reach a collector.
/// </summary>
public static class DatabaseTracing
{
    public const string SourceName = "ProcessEngine.Database";

    private static readonly ActivitySource Source = new(SourceName);

    internal static void Record(DbCommand command, DateTimeOffset started, TimeSpan duration, bool failed)
    {
        if (!Source.HasListeners() || command is not Microsoft.Data.Sqlite.SqliteCommand) return;
        var operation = Operation(command.CommandText);
        using var span = Source.StartActivity($"sqlite {operation}", ActivityKind.Client, parentContext: default, startTime: started);
        if (span is null) return;
        span.SetTag("db.system.name", "sqlite");
        span.SetTag("db.operation.name", operation);
        if (failed) span.SetStatus(ActivityStatusCode.Error);
        span.SetEndTime((started + duration).UtcDateTime);
    }

    // The first keyword: what kind of work, without the rest of the statement.
    private static string Operation(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = text.IndexOfAny(' ', '\n', '\r');
        var word = (end < 0 ? text : text[..end]).ToString().ToUpperInvariant();
        return word is "SELECT" or "INSERT" or "UPDATE" or "DELETE" or "PRAGMA" or "BEGIN" or "COMMIT" or "CREATE" or "WITH" ? word : "OTHER";
    }
}
