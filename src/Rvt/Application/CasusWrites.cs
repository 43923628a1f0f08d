using Microsoft.EntityFrameworkCore;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Persistence;

namespace ProcessEngine.Rvt.Application;

/// <summary>
/// What may still be written to a casus. Once its traject is closed the casus only waits for its retention period;
/// once retention deleted its content there is nothing left to add to. A write then would hold new content that
/// retention (which visits a casus once, at its end) never deletes: the services refuse it, not only the screens.
/// </summary>
internal static class CasusWrites
{
    /// <returns>Why nothing may be written to <paramref name="casus"/> now; null while its traject runs.</returns>
    public static async Task<string?> RefusalAsync(CasusDbContext db, Casus casus, CancellationToken ct)
    {
        if (casus.ContentDeletedAt is not null) return "De gegevens van deze casus zijn volgens de bewaartermijn verwijderd.";
        var closed = await db.Trajecten.AnyAsync(t => t.CasusId == casus.Id && t.Status == TrajectStatus.Closed, ct);
        return closed ? $"Casus {casus.Code} is afgesloten: er kan niets meer aan worden toegevoegd of gewijzigd." : null;
    }
}
