namespace CyclingCoach.Coaching.Model;

/// <summary>
/// A reaction the coach offered once and must not offer again (key: <see cref="Kind"/> + <see cref="Key"/>, e.g. a
/// missed session by its date, an FTP test by its FTP period and 6-week block). Written in the transaction that stores
/// the analysis, so two checks — or a check after a restart — cannot offer it twice.
/// </summary>
public sealed class ReactionOffer
{
    public const string MissedSession = "missed_session";
    public const string FtpTest = "ftp_test";

    public required string Kind { get; init; }
    public required string Key { get; init; }
    public Guid AnalysisId { get; init; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}
