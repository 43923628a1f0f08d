using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.StandIns;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Host.Features.Waarnemingen;

/// <param name="Absent">Who is away; left out, the person asking. Only the RVT chair names someone else.</param>
/// <param name="StandIn">Who stands in: an active account that works on casussen, not the absent person.</param>
/// <param name="From">The first day (yyyy-MM-dd, Amsterdam), today or later.</param>
/// <param name="Until">The last day, included (yyyy-MM-dd, Amsterdam).</param>
/// <param name="Reason">Vakantie, Ziekte or Anders; only the kind, never why.</param>
public sealed record WaarnemingInput(string? Absent, string? StandIn, DateOnly? From, DateOnly? Until, WaarnemingReason? Reason);

/// <summary>
/// A stand-in period as the screens and the API show it: the days (Amsterdam, last day included) and the moments they mean.
/// The reason is shown only to the absent person, to whoever set the period and to the chair; the stand-in does not need it.
/// </summary>
public sealed record WaarnemingView(Guid Id, string Absent, string StandIn, DateOnly From, DateOnly Until, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, WaarnemingReason? Reason, string SetBy, DateTimeOffset SetAt, string? EndedBy, DateTimeOffset? EndedAt, bool Active,
    int Version)
{
    public static WaarnemingView Of(Waarneming w, CurrentUser viewer, DateTimeOffset now)
    {
        var mayKnowReason = viewer.UserName == w.AbsentUser || viewer.UserName == w.SetBy || viewer.IsIn(HostStore.Identity.Roles.RvtChair);
        return new(w.Id, w.AbsentUser, w.StandIn, WaarnemingDays.DayOf(w.From), WaarnemingDays.DayOf(w.Until).AddDays(-1), w.From, w.EffectiveUntil,
            mayKnowReason ? w.Reason : null, w.SetBy, w.SetAt, w.EndedBy, w.EndedAt, w.IsActiveAt(now), w.Version);
    }
}

/// <summary>Days as people name them in the Netherlands: a period from the start of its first day to the end of its last, in Amsterdam.</summary>
public static class WaarnemingDays
{
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, DutchCalendar.Amsterdam.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, DutchCalendar.Amsterdam).DateTime);

    public static string Dutch(WaarnemingReason? reason) => reason switch
    {
        WaarnemingReason.Vakantie => "vakantie",
        WaarnemingReason.Ziekte => "ziekte",
        WaarnemingReason.Anders => "anders",
        _ => "–",
    };
}
