using Microsoft.EntityFrameworkCore;
using ProcessEngine.HostStore.Persistence;

namespace ProcessEngine.HostStore.Audit;

/// <summary>The outcome of walking the chain: how many lines held, and the first one that did not.</summary>
public sealed record AuditVerification(long LinesChecked, long? BrokenAt, string? Problem)
{
    public bool Intact => BrokenAt is null;
}

/// <summary>Walks the whole audit log in order and recomputes every link.</summary>
public sealed class AuditVerifier(IDbContextFactory<HostDbContext> contexts)
{
    private const int Page = 2_000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var expectedSequence = 1L;
        var previousHash = AuditChain.Genesis;
        var checkedLines = 0L;
        while (true)
        {
            var from = expectedSequence;
            var page = await db.AuditLog.AsNoTracking().Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).Take(Page).ToListAsync(ct);
            if (page.Count == 0) return new AuditVerification(checkedLines, null, null);
            foreach (var entry in page)
            {
                if (entry.Sequence != expectedSequence)
                    return new AuditVerification(checkedLines, expectedSequence, $"line {expectedSequence} is missing (next present is {entry.Sequence})");
                if (entry.PreviousHash != previousHash)
                    return new AuditVerification(checkedLines, entry.Sequence, $"line {entry.Sequence} does not link to line {entry.Sequence - 1}");
                if (AuditChain.HashOf(entry) != entry.Hash)
                    return new AuditVerification(checkedLines, entry.Sequence, $"line {entry.Sequence} was changed after it was written");
                previousHash = entry.Hash;
                expectedSequence++;
                checkedLines++;
            }
        }
    }
}
