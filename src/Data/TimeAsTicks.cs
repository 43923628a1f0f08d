using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ProcessEngine.Data;

/// <summary>
/// Every context stores its times as one 64-bit number (UTC ticks with the offset), on SQLite and on
/// PostgreSQL alike, so queries order and compare times the same way on both and raw SQL can be shared.
/// </summary>
public static class TimeAsTicks
{
    public static readonly DateTimeOffsetToBinaryConverter Converter = new();

    public static ModelConfigurationBuilder StoreTimesAsTicks(this ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        return builder;
    }
}
