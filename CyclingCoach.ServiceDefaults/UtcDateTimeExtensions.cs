namespace CyclingCoach.ServiceDefaults;

public static class UtcDateTimeExtensions
{
    /// <summary>
    /// A UTC value read back from PostgreSQL (<c>timestamptz</c>, or a column EF hands back as Unspecified) as a
    /// <see cref="DateTimeOffset"/> at +00:00, the API's shape for instants (ARCHITECTURE.md §5).
    /// </summary>
    public static DateTimeOffset AsUtcOffset(this DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
