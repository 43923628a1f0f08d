using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ProcessEngine.Reliability.Tests.Support;

/// <summary>
/// A SHA-256 per table of a SQLite file over every row in key order (every column, with its type), to show
/// that a run of requests changed nothing. Tables left out change without any request changing the engine
/// or the domain, so including them would hide the answer, not sharpen it:
/// - AuditLog (and sqlite_sequence, which numbers its lines): every read and every refused request is
///   recorded by design (NEN 7513), so bad input must add lines there;
/// - Outbox, PromptCursors, PromptMarks: written by the host's own recurring jobs (the creation sweep moves
///   its cursor, the dispatcher retries, reminders follow the wall clock), not by requests;
/// - __EFMigrationsLock: a transient lock row of the migrator.
/// Hangfire keeps nothing in this file (its storage is in memory with SQLite); on PostgreSQL its schema is
/// its own job bookkeeping and stays out for the same reason as the prompt tables.
/// </summary>
public static class TableChecksum
{
    private static readonly HashSet<string> LeftOut = new(StringComparer.OrdinalIgnoreCase)
    {
        "AuditLog", "sqlite_sequence", "Outbox", "PromptCursors", "PromptMarks", "__EFMigrationsLock",
    };

    public static async Task<SortedDictionary<string, string>> ComputeAsync(string sqlitePath)
    {
        var sums = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        foreach (var table in await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
            if (!LeftOut.Contains(table)) sums[table] = await HashTableAsync(connection, table);
        return sums;
    }

    private static async Task<string> HashTableAsync(SqliteConnection connection, string table)
    {
        var keys = await ListAsync(connection, $"SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk");
        var order = keys.Count > 0 ? string.Join(", ", keys.Select(k => $"\"{k}\"")) : "rowid";
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {order}";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                // Type and length prefix each value, so ("ab", "c") and ("a", "bc") or NULL and "" differ.
                var bytes = value switch
                {
                    DBNull => [],
                    byte[] blob => blob,
                    _ => Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
                };
                hash.AppendData(Encoding.ASCII.GetBytes($"{value.GetType().Name}:{bytes.Length}:"));
                hash.AppendData(bytes);
            }
        }
        return $"{rows} rows {Convert.ToHexString(hash.GetHashAndReset())[..16]}";
    }

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
