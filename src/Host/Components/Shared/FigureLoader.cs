using Mediator;
using ProcessEngine.Host.Api.Operations;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Components.Shared;

/// <summary>Reads the figures pages show: the half-year rows of a year and how many tasks are past their due moment.</summary>
public static class FigureLoader
{
    /// <summary>The overdue count stops here; more is shown as "500+" (the request pages at this size).</summary>
    public const int OverdueCap = 500;

    public static async Task<(List<FigureRow>? Rows, string? Error)> HalfjaarAsync(IMediator mediator, CurrentUser user, int year)
    {
        var outcome = await mediator.Send(new GetHalfjaarcijfers(year, user));
        return outcome.Succeeded
            ? ([.. outcome.Value!.Rijen.Select(r => new FigureRow(r.Onderdeel, r.EersteHalfjaar, r.TweedeHalfjaar, r.Totaal))], null)
            : (null, outcome.Message);
    }

    public static async Task<(int Count, string? Error)> OverdueCountAsync(IMediator mediator, CurrentUser user)
    {
        var outcome = await mediator.Send(new ListOverdueTasks(0, OverdueCap, user));
        return outcome.Succeeded ? (outcome.Value!.Count, null) : (0, outcome.Message);
    }

    public static string Count(int count) => count >= OverdueCap ? $"{OverdueCap}+" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
