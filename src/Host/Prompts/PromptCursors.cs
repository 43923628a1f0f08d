using Microsoft.EntityFrameworkCore;
using ProcessEngine.HostStore.Mail;
using ProcessEngine.HostStore.Persistence;

namespace ProcessEngine.Host.Prompts;

/// <summary>Where a sweep got to. A position only moves forward, so two nodes sweeping at once cannot move it back.</summary>
public sealed class PromptCursors(IDbContextFactory<HostDbContext> contexts)
{
    public async Task<DateTimeOffset?> ReadAsync(string name, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var cursor = await db.PromptCursors.AsNoTracking().FirstOrDefaultAsync(c => c.Name == name, ct);
        return cursor?.Position;
    }

    public async Task AdvanceAsync(string name, DateTimeOffset position, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var cursor = await db.PromptCursors.FirstOrDefaultAsync(c => c.Name == name, ct);
        if (cursor is null) db.PromptCursors.Add(new PromptCursor { Name = name, Position = position });
        else if (cursor.Position < position) cursor.Position = position;
        else return;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node wrote the first position at the same moment; the next sweep moves it on.
        }
    }
}
