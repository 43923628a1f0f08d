using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ProcessEngine.Data.Tests;

/// <summary>
/// One user action, one transaction: a context's changes and what is written alongside them (another context joined to the same
/// transaction) commit together or not at all, on both providers.
/// </summary>
public sealed class OneTransactionTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AChangeAndItsLine_CommitTogether_AndAFailingLineTakesTheChangeWithIt(DatabaseProvider provider)
    {
        await using var database = await Database.CreateAsync(provider);

        await using (var db = NotesContext.On(database.Connection))
        {
            db.Notes.Add(new Note { Id = 1, Text = "met regel", At = DateTimeOffset.UtcNow });
            await db.SaveWithAsync((transaction, ct) => WriteLineAsync(transaction, 1, ct), CancellationToken.None);
        }
        await using (var db = NotesContext.On(database.Connection))
        {
            db.Notes.Add(new Note { Id = 2, Text = "regel faalt", At = DateTimeOffset.UtcNow });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveWithAsync((transaction, ct) => WriteLineAsync(transaction, 1, ct), CancellationToken.None));
        }

        await using var read = NotesContext.On(database.Connection);
        Assert.Equal(new[] { 1 }, await read.Notes.Select(n => n.Id).ToListAsync());
        Assert.Equal(1, await CountLinesAsync(database.Connection));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AJoinedContext_WritesInTheCallersTransaction_SoARollbackUndoesBoth(DatabaseProvider provider)
    {
        await using var database = await Database.CreateAsync(provider);
        await using (var connection = database.Connection.CreateConnection())
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await WriteLineAsync(transaction, 7, CancellationToken.None);
            Assert.Equal(1, await CountLinesAsync(transaction));
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await CountLinesAsync(database.Connection));
    }

    /// <summary>A line written by a second context on the caller's connection and transaction, as the audit writes its line.</summary>
    private static async ValueTask WriteLineAsync(DbTransaction transaction, int id, CancellationToken ct)
    {
        await using var lines = await JoinedContext.JoinAsync<LinesContext>(transaction, options => new(options), ct);
        lines.Lines.Add(new Line { Id = id, Text = "audit" });
        await lines.SaveChangesAsync(ct);
    }

    private static async Task<int> CountLinesAsync(DatabaseConnection database)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Lines\"";
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    private static async Task<int> CountLinesAsync(DbTransaction transaction)
    {
        await using var lines = await JoinedContext.JoinAsync<LinesContext>(transaction, options => new(options), CancellationToken.None);
        return await lines.Lines.CountAsync();
    }
}
