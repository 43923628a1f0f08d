using System.Text.Json;
using Npgsql;
using ProcessEngine.Data;

namespace ProcessEngine.Host.Live;

/// <summary>
/// Several nodes on one PostgreSQL database: a change is sent with pg_notify on the channel every node's
/// <see cref="TaskChangeListener"/> listens to, this node's included. Delivering only through the listener
/// keeps one path for local and remote screens (same order, same resync when it drops) at the price of one
/// round trip. The engine publishes after its commit, so the notification is sent in a transaction of its
/// own and is never heard about a change that rolled back.
/// </summary>
public sealed class PostgreSqlTaskChangeBus(DatabaseConnection database) : ITaskChangeBus
{
    public const string Channel = "processengine_tasks";

    /// <summary>A few ids and names: some 200 bytes of JSON, far below the 8000 bytes a notification may carry.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task PublishAsync(TaskChangeMessage message, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        notify.Parameters.AddWithValue("channel", Channel);
        notify.Parameters.AddWithValue("payload", JsonSerializer.Serialize(message, Json));
        await notify.ExecuteNonQueryAsync(ct);
    }
}
