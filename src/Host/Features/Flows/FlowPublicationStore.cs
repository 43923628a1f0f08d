using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Flows;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Features.Flows;

/// <summary>
/// The flows' waiting publication requests in the host's tables. Every change commits with its audit line; the removal of an
/// approved request commits with the publication itself (<see cref="Removal"/>), so a flow is never published while its request
/// stays, nor a request removed for a publication that rolled back.
/// </summary>
public sealed class FlowPublicationStore(IDbContextFactory<HostDbContext> contexts)
{
    public async Task<FlowPublicationRequest?> FindAsync(string definitionId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.FlowPublicationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.DefinitionId == definitionId, ct);
    }

    /// <summary>Every waiting request by flow id, for the flow list (a handful of rows: one per flow at most).</summary>
    public async Task<IReadOnlyDictionary<string, FlowPublicationRequest>> AllAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.FlowPublicationRequests.AsNoTracking().ToDictionaryAsync(r => r.DefinitionId, StringComparer.Ordinal, ct);
    }

    /// <summary>
    /// Stores the request, replacing <paramref name="replaces"/> (a request whose draft changed since) when given; its audit line
    /// commits with it. False when someone else offered or removed this flow's request at the same moment: nothing is stored.
    /// </summary>
    public async Task<bool> OfferAsync(FlowPublicationRequest request, Guid? replaces, IUnitOfWorkPart audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (replaces is { } old)
        {
            // Changed in place: the request id is the concurrency token, so a removal or another offer in between wins.
            var stale = await db.FlowPublicationRequests.FirstOrDefaultAsync(r => r.DefinitionId == request.DefinitionId && r.RequestId == old, ct);
            if (stale is null) return false;
            db.Entry(stale).CurrentValues.SetValues(request);
        }
        else db.FlowPublicationRequests.Add(request);
        // A new offer answers the last rejection: the page shows the request now, not the old reason.
        if (await db.FlowPublicationRejections.FindAsync([request.DefinitionId], ct) is { } answered) db.FlowPublicationRejections.Remove(answered);
        return await SaveAsync(db, audit, ct);
    }

    /// <summary>Why the flow's last offer was turned down, until it is offered again; null when it was not, or was offered since.</summary>
    public async Task<FlowPublicationRejection?> FindRejectionAsync(string definitionId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.FlowPublicationRejections.AsNoTracking().FirstOrDefaultAsync(r => r.DefinitionId == definitionId, ct);
    }

    /// <summary>
    /// Removes the request (rejected, withdrawn, or void because its draft changed) with its audit line, and for a rejection keeps
    /// why (replacing an older one); false when the request was gone.
    /// </summary>
    public async Task<bool> RemoveAsync(string definitionId, Guid requestId, IUnitOfWorkPart audit, CancellationToken ct,
        FlowPublicationRejection? rejection = null)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.FlowPublicationRequests.FirstOrDefaultAsync(r => r.DefinitionId == definitionId && r.RequestId == requestId, ct);
        if (row is null) return false;
        db.FlowPublicationRequests.Remove(row);
        if (rejection is not null)
        {
            if (await db.FlowPublicationRejections.FindAsync([definitionId], ct) is { } older) db.Entry(older).CurrentValues.SetValues(rejection);
            else db.FlowPublicationRejections.Add(rejection);
        }
        return await SaveAsync(db, audit, ct);
    }

    private static async Task<bool> SaveAsync(HostDbContext db, IUnitOfWorkPart audit, CancellationToken ct)
    {
        try
        {
            await db.SaveWithAsync((transaction, token) => audit.WriteAsync(transaction, null, token), ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // A second request for the flow (the key) or a request removed meanwhile: the other change won.
            return false;
        }
    }

    /// <summary>The part that removes exactly this request in the publication's transaction; it throws when the request is gone.</summary>
    public static IUnitOfWorkPart Removal(string definitionId, Guid requestId) => new RemovalPart(definitionId, requestId);

    /// <summary>What a request remembers of the draft's text, so an approval can tell that the text is still the one offered.</summary>
    public static string HashOf(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    private sealed class RemovalPart(string definitionId, Guid requestId) : IUnitOfWorkPart
    {
        public async ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
        {
            await using var db = await JoinedContext.JoinAsync<HostDbContext>(transaction, options => new(options), ct);
            var removed = await db.FlowPublicationRequests.Where(r => r.DefinitionId == definitionId && r.RequestId == requestId).ExecuteDeleteAsync(ct);
            // Rejected or approved by someone else at the same moment: the publication rolls back with this.
            if (removed != 1) throw new ConcurrencyConflictException($"The publication request of '{definitionId}' was already handled.");
        }
    }
}
