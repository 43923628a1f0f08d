using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.HostStore.Tests.Audit;

/// <summary>
/// Someone who has the database but not the audit key tries to change the story the log tells; `audit verify`
/// (the verifier behind it) finds each attempt and names its kind. Checkpoints are written to a file of the
/// test's own, as the host writes them every interval.
/// </summary>
public sealed class AuditTamperingTests
{
    [Fact]
    public async Task AnIntactLog_WithCheckpoints_Passes()
    {
        await using var store = await AuditStore.CreateAsync(DatabaseProvider.Sqlite);
        await store.AppendAsync(3);
        Assert.NotNull(await store.Checkpoints.WriteAsync());
        Assert.Null(await store.Checkpoints.WriteAsync()); // nothing new: no line in the file
        await store.AppendAsync(2);
        Assert.NotNull(await store.Checkpoints.WriteAsync());

        var verification = await store.Verifier.VerifyAsync();

        Assert.Equal((true, 5L, 2), (verification.Intact, verification.LinesChecked, verification.CheckpointsChecked));
    }

    [Fact]
    public async Task AnEditedField_IsNamedEdited()
    {
        await using var store = await AuditStore.CreateAsync(DatabaseProvider.Sqlite);
        await store.AppendAsync(3);
        await store.DropGuardsAsync();
        await using (var db = await store.DbAsync())
            await db.AuditLog.Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, "iemand-anders"));

        await AssertBrokenAsync(store, AuditTampering.Edited, 2, "line 2 was changed after it was written");
    }

    [Fact]
    public async Task ADeletedMiddleLine_IsNamedDeleted()
    {
        await using var store = await AuditStore.CreateAsync(DatabaseProvider.Sqlite);
        await store.AppendAsync(4);
        await store.DropGuardsAsync();
        await using (var db = await store.DbAsync())
            await db.AuditLog.Where(e => e.Sequence == 2 || e.Sequence == 3).ExecuteDeleteAsync();

        await AssertBrokenAsync(store, AuditTampering.Deleted, 2, "lines 2 to 3 are missing");
    }

    [Fact]
    public async Task DeletedLastLines_AreFoundAgainstTheLastCheckpoint()
    {
        await using var store = await AuditStore.CreateAsync(DatabaseProvider.Sqlite);
        await store.AppendAsync(5);
        await store.Checkpoints.WriteAsync();
        await store.DropGuardsAsync();
        await using (var db = await store.DbAsync())
            await db.AuditLog.Where(e => e.Sequence > 3).ExecuteDeleteAsync();

        var verification = await AssertBrokenAsync(store, AuditTampering.DeletedTail, 4);
        Assert.Contains("the log ends at line 3", verification.Problem);
        Assert.Contains("lines 4 to 5 were deleted", verification.Problem);
    }

    [Fact]
    public async Task AnEmptiedTable_IsNamedEmptied()
    {
        await using var store = await AuditStore.CreateAsync(DatabaseProvider.Sqlite);
        await store.AppendAsync(3);
        await store.Checkpoints.WriteAsync();
        await store.DropGuardsAsync();
        await using (var db = await store.DbAsync())
            await db.Database.ExecuteSqlRawAsync("DELETE FROM AuditLog");

        var verification = await AssertBrokenAsync(store, AuditTampering.Emptied, 1);
        Assert.Contains("recorded 3 line(s)", verification.Problem);
    }

    [Fact]
    public async Task AnInsertedLine_IsNamedInserted()
    {
        await using var store = await AuditStore.CreateAsync(DatabaseProvider.Sqlite);
        await store.AppendAsync(3);
        await store.DropGuardsAsync();
        await using (var db = await store.DbAsync())
        {
            // Make room at 2 (in two steps: the sequence is the key) and put a line there that links to line 1,
            // hashed as well as someone without the key can: with a key of their own under the right id.
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditLog SET Sequence = Sequence + 1000 WHERE Sequence >= 2");
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditLog SET Sequence = Sequence - 999 WHERE Sequence >= 1000");
            var first = await db.AuditLog.AsNoTracking().SingleAsync(e => e.Sequence == 1);
            var forged = new AuditEntry
            {
                Sequence = 2, At = first.At, EventCode = "casus.read", Action = AuditAction.Read, Outcome = AuditOutcome.Success,
                UserId = "prof2", CasusCode = "RVT-2026-AAAAAA", Purpose = "zorgverlening", PreviousHash = first.Hash, KeyId = AuditStore.KeyId,
            };
            forged.Hash = AuditChain.HashOf(forged, WrongKeys());
            db.AuditLog.Add(forged);
            await db.SaveChangesAsync();
        }

        var verification = await AssertBrokenAsync(store, AuditTampering.Inserted, 2);
        Assert.Equal("line 2 was inserted: it was not made with the audit key and line 3 links past it to line 1", verification.Problem);
    }

    [Fact]
    public async Task AChainRecomputedWithAnotherKey_IsNamedRecomputed()
    {
        await using var store = await AuditStore.CreateAsync(DatabaseProvider.Sqlite);
        await store.AppendAsync(4);
        await store.DropGuardsAsync();
        await using (var db = await store.DbAsync())
        {
            // Change line 3 and rebuild every hash from the start, as the old unkeyed chain allowed anyone to do.
            var lines = await db.AuditLog.OrderBy(e => e.Sequence).ToListAsync();
            lines[2].UserId = "iemand-anders";
            var previous = AuditChain.Genesis;
            foreach (var line in lines)
            {
                line.PreviousHash = previous;
                line.Hash = previous = AuditChain.HashOf(line, WrongKeys());
            }
            await db.SaveChangesAsync();
        }

        var verification = await AssertBrokenAsync(store, AuditTampering.RecomputedWithoutKey, 1);
        Assert.Contains("were not made with the audit key", verification.Problem);
    }

    [Fact]
    public async Task AKeyRotation_KeepsOldLinesVerifiable_AndAMissingOldKeyIsNamed()
    {
        var rotated = Convert.ToBase64String([.. Enumerable.Range(100, 32).Select(i => (byte)i)]);
        await using var before = await AuditStore.CreateAsync(DatabaseProvider.Sqlite);
        await before.AppendAsync(2);
        await using var after = await before.WithKeysAsync("test-2027", new() { [AuditStore.KeyId] = AuditStore.Key, ["test-2027"] = rotated });
        await after.AppendAsync(2);
        await after.Checkpoints.WriteAsync();

        Assert.True((await after.Verifier.VerifyAsync()).Intact);
        await using var forgetful = await before.WithKeysAsync("test-2027", new() { ["test-2027"] = rotated });
        var verification = await forgetful.Verifier.VerifyAsync();
        Assert.Equal((AuditTampering.UnknownKey, (long?)1), (verification.Kind, verification.BrokenAt));
    }

    [Fact]
    public async Task ACheckpointNotSignedWithTheKey_IsNamedForged()
    {
        await using var store = await AuditStore.CreateAsync(DatabaseProvider.Sqlite);
        await store.AppendAsync(2);
        await store.Checkpoints.WriteAsync();
        var real = (await store.Services.GetRequiredService<AuditCheckpointFile>().ReadAsync()).Single().Checkpoint!;
        // A checkpoint moved back to line 1, to hide that line 2 is about to go; re-signed without the key.
        var forged = AuditCheckpoint.Create(real.Database, 1, real.Hash, real.At, real.Node, WrongKeys());
        await File.WriteAllTextAsync(store.CheckpointPath, System.Text.Json.JsonSerializer.Serialize(forged, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)) + "\n");

        var verification = await store.Verifier.VerifyAsync();

        Assert.Equal(AuditTampering.ForgedCheckpoint, verification.Kind);
    }

    [Fact]
    public async Task ACheckpointCutShortByACrash_IsLeftOut_AndTheWholeOnesStillCount()
    {
        await using var store = await AuditStore.CreateAsync(DatabaseProvider.Sqlite);
        await store.AppendAsync(2);
        await store.Checkpoints.WriteAsync();
        // The host died halfway through appending the next checkpoint: half a line, no newline.
        await File.AppendAllTextAsync(store.CheckpointPath, "{\"database\":\"sqlite:/x\",\"sequ");

        var verification = await store.Verifier.VerifyAsync();

        Assert.Equal((true, 1), (verification.Intact, verification.CheckpointsChecked));
    }

    [Fact]
    public async Task LinesFromBeforeKeys_VerifyAsTheStartOfTheLog()
    {
        await using var store = await AuditStore.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = await store.DbAsync())
        {
            // What an upgraded database holds: lines hashed with plain SHA-256, no key id.
            var previous = AuditChain.Genesis;
            for (var sequence = 1; sequence <= 2; sequence++)
            {
                var line = new AuditEntry { Sequence = sequence, At = AuditStore.Now, EventCode = "auth.signin", Action = AuditAction.Execute,
                    Outcome = AuditOutcome.Success, UserId = "prof1", PreviousHash = previous };
                line.Hash = previous = AuditChain.HashOf(line, WrongKeys());
                db.AuditLog.Add(line);
            }
            await db.SaveChangesAsync();
        }
        await store.AppendAsync(2);

        Assert.Equal((true, 4L), ((await store.Verifier.VerifyAsync()).Intact, (await store.Verifier.VerifyAsync()).LinesChecked));
    }

    [Fact]
    public async Task OnPostgreSql_TruncateIsRefused()
    {
        await using var store = await AuditStore.CreateAsync(DatabaseProvider.PostgreSql);
        await store.AppendAsync(1);
        await using var db = await store.DbAsync();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""TRUNCATE "AuditLog" """));

        Assert.Contains("the audit log is append-only", refused.Message);
        Assert.Equal(1, await db.AuditLog.CountAsync());
    }

    private static async Task<AuditVerification> AssertBrokenAsync(AuditStore store, AuditTampering kind, long at, string? problem = null)
    {
        var verification = await store.Verifier.VerifyAsync();
        Assert.Equal((kind, (long?)at), (verification.Kind, verification.BrokenAt));
        if (problem is not null) Assert.Equal(problem, verification.Problem);
        return verification;
    }

    /// <summary>What someone without the audit key has: a key of their own under the expected id.</summary>
    private static AuditKeys WrongKeys() => new(Options.Create(new AuditOptions
    {
        KeyId = AuditStore.KeyId,
        Keys = new() { [AuditStore.KeyId] = Convert.ToBase64String(new byte[32]) },
    }));
}
