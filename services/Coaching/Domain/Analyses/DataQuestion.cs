using static CyclingCoach.Coaching.Domain.Load.CoachingPrinciples;

namespace CyclingCoach.Coaching.Domain.Analyses;

/// <summary>The question an implausible ride raises, with the two answers the rider can give.</summary>
/// <param name="ProposedFtpWatts">The FTP that makes the ride possible: its best hour, at least NP ÷ 1.05.</param>
public sealed record DataQuestionAdvice(CoachClaim Claim, double ProposedFtpWatts, string FtpReason, string BadDataReason);

/// <summary>
/// IF above 1.05 for more than an hour cannot be ridden [IF], so either the FTP the ride was computed with is too low
/// or the power data is wrong, and a coach asks which (coaching.md §5 "Implausible data"). Until the rider answers the
/// ride is held out of the load (<see cref="AnalysisFacts.LoadHeld"/>). The two answers: the FTP is wrong (adopt the
/// FTP the ride implies — FTP ≈ best 1-hour power [AC], at least NP ÷ 1.05 so the ride becomes possible — from the
/// ride's day; the ride is recomputed and counts again), or the file is wrong (the ride stays out of fitness).
/// </summary>
public static class DataQuestion
{
    public static DataQuestionAdvice? For(AnalysisFacts facts)
    {
        if (!facts.LoadHeld || facts.IntensityFactor is not { } intensity || facts.FtpWatts is not { } ftp)
        {
            return null;
        }

        var byNp = facts.NormalizedPowerWatts is { } np ? Math.Ceiling(np / ImplausibleIntensityFactor) : Math.Ceiling(ftp * intensity / ImplausibleIntensityFactor);
        var proposed = Math.Max(byNp, Math.Round(facts.Best60MinWatts ?? 0));
        var minutes = Math.Round(facts.DurationSeconds / 60);
        var claim = new CoachClaim(
            $"IF {intensity:0.00} for {minutes:0} min ({facts.TssPerHour:0} TSS an hour) cannot be ridden: nobody holds IF above {ImplausibleIntensityFactor:0.00} "
            + $"for an hour. Either your FTP of {ftp:0} W is too low for this ride, or its power data is wrong. Until you say which, the ride is "
            + "left out of your fitness.",
            facts.TssPerHour is null ? ["intensityFactor", "durationSeconds", "ftpWatts"] : ["intensityFactor", "durationSeconds", "ftpWatts", "tssPerHour"]);
        var basis = facts.Best60MinWatts is { } best && Math.Round(best) >= byNp
            ? $"your best hour in this ride is {best:0} W, and FTP is about your best hour"
            : $"at {proposed:0} W this ride's IF is {ImplausibleIntensityFactor:0.00}, the most an hour can hold";
        return new DataQuestionAdvice(
            claim,
            proposed,
            $"My FTP is wrong: set it to {proposed:0} W from {facts.Date:d MMM yyyy} ({basis}). The ride is recomputed and counts again.",
            "The power data is wrong: keep this ride out of my fitness (it can be counted again from the ride's page).");
    }
}
