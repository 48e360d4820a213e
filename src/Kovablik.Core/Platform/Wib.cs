namespace Kovablik.Platform;

/// <summary>Western Indonesia Time (Asia/Jakarta, UTC+7, no DST): the zone deadlines and dates are read in.</summary>
public static class Wib
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    public static DateTimeOffset ToWib(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(ToWib(time.GetUtcNow()).DateTime);
}
