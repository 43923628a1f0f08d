using Mediator;
using ProcessEngine.Host.Features.Audit;
using ProcessEngine.Host.Features.Instances;
using ProcessEngine.Host.Features.Reports;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Components.Shared;

/// <summary>Reads the figures pages show: the half-year rows of a year and how many tasks are past their due moment.</summary>
public static class FigureLoader
{
    public static async Task<(List<FigureRow>? Rows, string? Error)> HalfjaarAsync(IMediator mediator, CurrentUser user, int year)
    {
        var outcome = await mediator.Send(new GetHalfjaarcijfers(year, user));
        return outcome.Succeeded
            ? ([.. outcome.Value!.Rijen.Select(r => new FigureRow(r.Onderdeel, r.EersteHalfjaar, r.TweedeHalfjaar, r.Totaal, r.IsKop))], null)
            : (null, outcome.Message);
    }

    /// <summary>
    /// Counted by the store, not by reading the overdue lines: the start page needs only the number, and a count
    /// names no casus, so it reads nothing that must be audited.
    /// </summary>
    public static async Task<(int Count, string? Error)> OverdueCountAsync(IMediator mediator)
    {
        var outcome = await mediator.Send(new CountOverdueTasks());
        return outcome.Succeeded ? (outcome.Value, null) : (0, outcome.Message);
    }
}
