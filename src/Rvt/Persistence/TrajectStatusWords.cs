using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ProcessEngine.Rvt.Domain;

namespace ProcessEngine.Rvt.Persistence;

/// <summary>
/// The traject's status as the database has always stored it ("Lopend", "GepauzeerdDoorStopknop", "Afgesloten"),
/// so existing databases keep their rows when the enum's members were renamed to English.
/// </summary>
public sealed class TrajectStatusWords() : ValueConverter<TrajectStatus, string>(status => ToWord(status), word => FromWord(word))
{
    private static string ToWord(TrajectStatus status) => status switch
    {
        TrajectStatus.Running => "Lopend",
        TrajectStatus.PausedByStopknop => "GepauzeerdDoorStopknop",
        TrajectStatus.Closed => "Afgesloten",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown traject status."),
    };

    private static TrajectStatus FromWord(string word) => word switch
    {
        "Lopend" => TrajectStatus.Running,
        "GepauzeerdDoorStopknop" => TrajectStatus.PausedByStopknop,
        "Afgesloten" => TrajectStatus.Closed,
        _ => throw new InvalidOperationException($"The database holds an unknown traject status '{word}'."),
    };
}
