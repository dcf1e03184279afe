namespace CyclingCoach.Training.Routes;

/// <summary>
/// How the pacing plan spends the rider's stamina (see <see cref="PacingPlanner"/>).
/// <list type="bullet">
/// <item><see cref="PowerDurationExponent"/> [E]: beyond an hour the power a rider can hold falls as a power law of
/// the duration, P(T) = FTP·(T/1 h)^−k (the Kennelly/Riegel form). k = 0.07 puts 2.5 h at 0.94 FTP, inside Coggan's
/// IF band 0.85–0.95 for road races over 2.5 h (coaching.md, [IF]); FTP is by definition the 1-hour power [AC].</item>
/// <item><see cref="FinishShare"/> [E]: a rider pacing to finish, not to race, rides the whole course in Coggan's
/// "endurance-paced ride" band (IF 0.75–0.85, [IF]): 0.85 of the maximum gives IF 0.85 for 1 h, 0.79 for 3 h, 0.76
/// for 5 h, 0.73 for 8 h.</item>
/// <item><see cref="ClimbGainPerPercent"/> and <see cref="DescentShare"/> [E]: variable pacing — more power uphill,
/// less downhill, where a watt buys the most and the least time — saves time at the same effort (Swain 1997, Med Sci
/// Sports Exerc 29:1104–1108; Atkinson, Peacock &amp; Passfield 2007, J Sports Sci 25:1001–1009; cited from the
/// literature, not from research/). Climbs get +4 % of the base power per % of average grade, never above the
/// rider's climb ceiling for the climb's duration (<see cref="RiderProfile.ShortClimbPowerFraction"/> …
/// <see cref="RiderProfile.LongClimbPowerFraction"/>), descents half the base power (the time model stops pedalling
/// above the coasting speed anyway).</item>
/// </list>
/// </summary>
public sealed record PacingOptions(
    double FinishShare = 0.85,
    double PowerDurationExponent = 0.07,
    double ClimbGainPerPercent = 0.04,
    double DescentShare = 0.5)
{
    public static PacingOptions Default { get; } = new();

    /// <summary>The most normalized power (× FTP) a rider holds for <paramref name="seconds"/> to finish: FinishShare·min(1, (T/1 h)^−k).</summary>
    public double BudgetFraction(double seconds) => FinishShare * Math.Min(1, Math.Pow(Math.Max(seconds, 1) / 3600, -PowerDurationExponent));

    public void Validate()
    {
        if (!(FinishShare is > 0 and <= 1) || !(PowerDurationExponent is >= 0 and < 0.5) || !(ClimbGainPerPercent is >= 0 and <= 0.2) || !(DescentShare is >= 0 and <= 1))
        {
            throw new ArgumentException("Pacing options out of range (finish share in (0, 1], exponent in [0, 0.5), climb gain in [0, 0.2], descent share in [0, 1]).");
        }
    }
}
