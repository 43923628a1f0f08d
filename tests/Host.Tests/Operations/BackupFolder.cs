using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using ProcessEngine.Host.Tests.Api;

namespace ProcessEngine.Host.Tests.Operations;

/// <summary>A temporary folder per test with real SQLite files, and the command lines the operator would type.</summary>
public sealed class BackupFolder
{
    public string Root { get; } = Directory.CreateTempSubdirectory("processengine-backup-").FullName;

    public string File(string name) => Path.Combine(Root, name);

    /// <summary>A host on its own file in this folder, with its checkpoints beside it.</summary>
    public ApiHost Host(string database, Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string> { ["Audit:Checkpoints:Path"] = CheckpointsOf(database) };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        return ApiHost.Of(new HostFactory { DatabasePath = database, Clock = clock, Settings = all });
    }

    public static string CheckpointsOf(string database) => database + ".checkpoints.log";

    /// <summary>The configuration a command needs to act on <paramref name="database"/> as its host does.</summary>
    public static string[] ConfigurationOf(string database) =>
        [$"--ConnectionStrings:ProcessEngine=Data Source={database}", $"--Audit:Checkpoints:Path={CheckpointsOf(database)}"];

    public static async Task<(int Exit, string Output)> RunAsync(Func<string[], TextWriter, Task<int>> command, params string[] args)
    {
        var output = new StringWriter();
        var exit = await command(args, output);
        return (exit, output.ToString());
    }

    public static string Hash(string file) => Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(file)));

    public static long Count(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
