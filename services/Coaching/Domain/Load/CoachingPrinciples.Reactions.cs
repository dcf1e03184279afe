namespace CyclingCoach.Coaching.Domain.Load;

/// <summary>
/// §5 of coaching.md: every number the coach reacts to a ride (or a missed one) by, with the principle and its source
/// (CG2 = Coggan's TSS scale, ICU = intervals.icu, IF = Coggan's IF ranges, AC = Allen &amp; Coggan, TR-F / TR-M =
/// TrainerRoad, FR6 = Friel, TP-S = TrainingPeaks). Both engines are judged by them (<see cref="Analyses.Reactions"/>
/// through <see cref="Analyses.FeedbackValidator"/>); the reaction scenarios restate them from coaching.md.
/// </summary>
public static partial class CoachingPrinciples
{
    // ── Unplanned load ─────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// Coggan's recovery scale for one day's TSS [CG2]: under 150 recovered by the next day; 150–300 some residual
    /// fatigue, gone by day 2; 300–450 residual fatigue even after 2 days; above 450 fatigue lasting several days.
    /// </summary>
    public const double ResidualFatigueTss = 150, TwoDayFatigueTss = 300, SeveralDayFatigueTss = 450;

    /// <summary>
    /// The days after a day of <paramref name="dayTss"/> that carry no hard session: 0 under 150, 1 for 150–300
    /// ("gone by day 2": the next day easy [CG2; the one day is E]), 2 for 300–450, 3 above 450 (coaching.md §5 rules
    /// [E] on [CG2]).
    /// </summary>
    public static int EasyDaysAfter(double dayTss) => dayTss switch
    {
        > SeveralDayFatigueTss => 3,
        >= TwoDayFatigueTss => 2,
        >= ResidualFatigueTss => 1,
        _ => 0,
    };

    /// <summary>An unplanned ride at IF ≥ 0.85 counts as a hard session and turns the next hard day easy [E, §5].</summary>
    public const double HardRideIntensityFactor = 0.85;

    /// <summary>How far ahead "the next hard day" is looked for after an unplanned hard ride: 3 days [E].</summary>
    public const int HardRideLookaheadDays = 3;

    // ── Fatigue (TSB) ──────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Below TSB −30 a rider is beyond the band intervals.icu marks optimal (−10..−30) [ICU].</summary>
    public const double FatiguedTsb = -30;

    /// <summary>TSB/CTL below −0.4 is the same alarm for a rider of any fitness [E, §5].</summary>
    public const double FatiguedTsbToCtl = -0.4;

    /// <summary>
    /// The TSB/CTL alarm counts from CTL 20: below it (a new rider, a PMC still provisional [TP-S]) one ordinary ride
    /// moves the ratio past −0.4 [E]; the absolute −30 still applies.
    /// </summary>
    public const double FatigueRatioMinCtl = 20;

    /// <summary>
    /// "Next 2–3 days easy" [E, §5]: 2, and the third too while the plan as it stands projects TSB at −20 or below
    /// going into it (the table's own recovery line).
    /// </summary>
    public const int FatigueEasyDaysMin = 2, FatigueEasyDaysMax = 3;

    /// <summary>No new hard session until the projected TSB is back above −20 [E, §5].</summary>
    public const double RecoveredTsb = -20;

    /// <summary>The PMC's time constants for projecting form a few days ahead: CTL 42 days, ATL 7 days [ICU, CG].</summary>
    public const double CtlDays = 42, AtlDays = 7;

    // ── Missed key session ─────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// A missed hard session moves to a later day of the same week only when at least this many easy days stay
    /// between hard days; else it is dropped — missed work is not made up [FR6, TR-M, §5].
    /// </summary>
    public const int EasyDaysBetweenHard = 1;

    /// <summary>How many days back the daily check looks for missed sessions (a week: the plan's own unit) [E].</summary>
    public const int MissedLookbackDays = 7;

    // ── Over-performance → FTP test ────────────────────────────────────────────────────────────────────────────

    /// <summary>IF above 1.0 held for at least 60 min means the FTP is too low: FTP ≈ best 1-hour power [AC, E].</summary>
    public const double OverFtpIntensityFactor = 1.0;

    public const int OverFtpMinSeconds = 60 * 60;

    /// <summary>
    /// A 20-minute best counts as strong when 95 % of it (FTP ≈ 95 % of a 20-minute test [AC]:
    /// <c>FtpEstimator.TwentyMinuteFactor</c>) is at least FTP + 3 % [E, §5].
    /// </summary>
    public const double StrongEffortMargin = 0.03;

    /// <summary>Two strong 20-minute efforts within 14 days suggest a test [E, §5].</summary>
    public const int StrongEffortsNeeded = 2, StrongEffortWindowDays = 14;

    /// <summary>Reassess FTP every 4–6 weeks [TR-F]: more than 6 weeks since the last change, with hard work done.</summary>
    public const int RetestAfterDays = 42;

    /// <summary>"With hard sessions done": at least 4 rides at IF ≥ 0.85 since the last FTP change [E].</summary>
    public const int HardRidesBeforeRetest = 4;

    // ── Implausible data ───────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// IF above 1.05 cannot be held for an hour [IF]: more than 60 min above it (TSS/h above 110) means a wrong FTP or
    /// bad data, and the ride stays out of CTL until the rider says which.
    /// </summary>
    public const double ImplausibleIntensityFactor = 1.05;

    public const int ImplausibleMinSeconds = 60 * 60;

    /// <summary>True when the ride's IF over its whole length cannot be real at the FTP it was computed with.</summary>
    public static bool IsImplausible(double? intensityFactor, double durationSeconds) =>
        intensityFactor > ImplausibleIntensityFactor && durationSeconds > ImplausibleMinSeconds;
}
