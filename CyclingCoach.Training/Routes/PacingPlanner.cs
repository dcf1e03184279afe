using System.Globalization;
using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Routes;

/// <summary>
/// A pacing plan for a route (see <see cref="PacingPlan"/> and <see cref="PacingOptions"/> for the model and its
/// sources). Section powers from one base power B:
/// <list type="bullet">
/// <item>flat, rolling, unknown: B;</item>
/// <item>climb: B·(1 + ClimbGainPerPercent·average grade), at most the rider's climb ceiling for the climb's duration
/// (but never below B), found by fixed-point iteration (time ↔ power) as in the route analysis;</item>
/// <item>descent: DescentShare·B.</item>
/// </list>
/// B is the highest power (to 0.5 W) whose plan keeps its normalized power within the budget for its own finish time;
/// the plan's NP rises with B and the budget falls with the finish time, so bisection finds it. Times are the route
/// analysis's Martin (1998) model, sample by sample.
/// </summary>
public static class PacingPlanner
{
    /// <summary>What the "what changes" lines compare: 1 kg less, 10 W more.</summary>
    public const double LighterKg = 1;
    public const double StrongerWatts = 10;

    /// <summary>Common large sprockets (road, wide-range road, gravel and MTB cassettes) for the gearing advice [E].</summary>
    private static readonly int[] CommonCogs = [28, 30, 32, 34, 36, 40, 42, 44, 46, 48, 50, 51, 52];

    private const int ClimbIterations = 4;

    public static PacingPlan Plan(IReadOnlyList<TrackPoint> points, RiderProfile rider, RouteAnalysisOptions? options = null, PacingOptions? pacing = null)
    {
        pacing ??= PacingOptions.Default;
        pacing.Validate();
        var (_, prepared, spans) = RouteAnalyzer.AnalyzeDetailed(points, rider, options);
        var plan = Solve(prepared, spans, rider, pacing);
        var lighter = Solve(prepared, spans, rider with { RiderMassKg = Math.Max(1, rider.RiderMassKg - LighterKg) }, pacing);
        var stronger = Solve(prepared, spans, rider with { FtpWatts = rider.FtpWatts + StrongerWatts }, pacing);
        return plan with { LighterFinishSeconds = lighter.FinishSeconds, StrongerFinishSeconds = stronger.FinishSeconds };
    }

    private static PacingPlan Solve(PreparedRoute prepared, IReadOnlyList<SectionSpan> spans, RiderProfile rider, PacingOptions pacing)
    {
        var ftp = rider.FtpWatts;
        var (lo, hi) = (0.3 * ftp, ftp);
        var best = Pace(prepared, spans, rider, pacing, lo);
        if (!Fits(best, pacing, ftp))
        {
            // Even the easiest pace is over the budget (a very long course): ride the easiest pace.
            return Build(prepared, spans, rider, pacing, lo, best);
        }

        var baseWatts = lo;
        while (hi - lo > 0.5)
        {
            var mid = 0.5 * (lo + hi);
            var trial = Pace(prepared, spans, rider, pacing, mid);
            if (Fits(trial, pacing, ftp))
            {
                (lo, best, baseWatts) = (mid, trial, mid);
            }
            else
            {
                hi = mid;
            }
        }

        return Build(prepared, spans, rider, pacing, baseWatts, best);
    }

    private static bool Fits((double Power, double Seconds)[] paced, PacingOptions pacing, double ftp) =>
        NormalizedPower(paced) <= (pacing.BudgetFraction(paced.Sum(p => p.Seconds)) * ftp) + 1e-9;

    private static double NormalizedPower((double Power, double Seconds)[] paced)
    {
        var t = paced.Sum(p => p.Seconds);
        return t > 0 ? Math.Pow(paced.Sum(p => Math.Pow(p.Power, 4) * p.Seconds) / t, 0.25) : 0;
    }

    /// <summary>Power and time of every section for the base power.</summary>
    private static (double Power, double Seconds)[] Pace(PreparedRoute p, IReadOnlyList<SectionSpan> spans, RiderProfile rider, PacingOptions pacing, double baseWatts)
    {
        var (s, h, grade) = (p.Route.Distance, p.Smoothed, p.Grade);
        var result = new (double, double)[spans.Count];
        for (var i = 0; i < spans.Count; i++)
        {
            var (a, b, kind) = (spans[i].Start, spans[i].End, spans[i].Kind);
            double power;
            if (kind == SectionKind.Climb && h is not null && s[b] > s[a])
            {
                var averageGrade = 100 * (h[b] - h[a]) / (s[b] - s[a]);
                var wanted = baseWatts * (1 + (pacing.ClimbGainPerPercent * Math.Max(0, averageGrade)));
                power = wanted;
                for (var k = 0; k < ClimbIterations; k++)
                {
                    var seconds = SectionTimeEstimator.Time(rider, power, s, h, grade, a, b);
                    power = Math.Min(wanted, Math.Max(baseWatts, SectionTimeEstimator.ClimbFraction(rider, seconds) * rider.FtpWatts));
                }
            }
            else
            {
                power = kind == SectionKind.Descent ? pacing.DescentShare * baseWatts : baseWatts;
            }

            result[i] = (power, SectionTimeEstimator.Time(rider, power, s, h, grade, a, b));
        }

        return result;
    }

    private static PacingPlan Build(PreparedRoute p, IReadOnlyList<SectionSpan> spans, RiderProfile rider, PacingOptions pacing, double baseWatts,
        (double Power, double Seconds)[] paced)
    {
        var (s, h) = (p.Route.Distance, p.Smoothed);
        var sections = new PacedSection[spans.Count];
        var gearing = new List<GearingCheck>();
        double split = 0, work = 0;
        for (var i = 0; i < spans.Count; i++)
        {
            var (a, b, kind) = (spans[i].Start, spans[i].End, spans[i].Kind);
            var (power, seconds) = paced[i];
            split += seconds;
            work += power * seconds;
            var length = s[b] - s[a];
            double? averageGrade = null, maxGrade = null;
            if (h is not null && p.Sustained is not null)
            {
                averageGrade = length > 0 ? 100 * (h[b] - h[a]) / length : 0;
                maxGrade = 100 * p.Sustained.Skip(a).Take(b - a + 1).Max();
                if (kind == SectionKind.Climb)
                {
                    gearing.Add(CheckGearing(i, p, a, b, rider, power));
                }
            }

            sections[i] = new PacedSection(i, kind, s[a], s[b], averageGrade, maxGrade, power, power / rider.FtpWatts,
                power / rider.RiderMassKg, seconds, split, seconds > 0 ? length / seconds : 0);
        }

        var average = split > 0 ? work / split : 0;
        return new PacingPlan(rider.FtpWatts, rider.TotalMassKg, p.Route.Total, split, baseWatts, average, NormalizedPower(paced),
            pacing.BudgetFraction(split) * rider.FtpWatts, work / 1000, sections, gearing, null, null);
    }

    /// <summary>The lowest gear's cadence on the climb's steepest sustained stretch at the planned power (peers.md §4.4).</summary>
    internal static GearingCheck CheckGearing(int index, PreparedRoute p, int a, int b, RiderProfile rider, double power)
    {
        var steepest = a;
        for (var k = a; k <= b; k++)
        {
            if (p.Sustained![k] > p.Sustained[steepest])
            {
                steepest = k;
            }
        }

        var grade = p.Sustained![steepest];
        var rho = CyclingPhysics.AirDensity(p.Smoothed![steepest], rider.AirTemperatureCelsius);
        var v = SectionTimeEstimator.Speed(rider, power, grade, rho);
        var ring = rider.Chainrings.Min();
        var cog = rider.Cassette.Max();
        var c = rider.WheelCircumferenceMeters;
        var cadence = v > 0 ? 60 * v * cog / (ring * c) : 0;
        // ring/cog ≤ 60·v/(cadence_min·C)  ⇔  cog ≥ ring·cadence_min·C/(60·v)
        var needed = v > 0 ? (int)Math.Ceiling((ring * rider.MinCadenceRpm * c / (60 * v)) - 1e-9) : int.MaxValue;
        var suggested = CommonCogs.Where(t => t >= needed).Take(2).ToArray();
        string? warning = null;
        if (cadence < rider.MinCadenceRpm)
        {
            var at = p.Route.Distance[steepest] / 1000;
            var advice = suggested.Length switch
            {
                0 => $"no common sprocket keeps {rider.MinCadenceRpm:0} rpm: a smaller chainring, or a lower power there",
                1 => $"a {suggested[0]} sprocket keeps {rider.MinCadenceRpm:0} rpm",
                _ => $"a {suggested[0]} or {suggested[1]} sprocket keeps {rider.MinCadenceRpm:0} rpm",
            };
            warning = string.Create(CultureInfo.InvariantCulture,
                $"{ring}×{cog} gives {cadence:0} rpm at {power:0} W on the {100 * grade:0.#} % ramp at km {at.ToString(at >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture)}: {advice}");
        }

        return new GearingCheck(index, p.Route.Distance[steepest], 100 * grade, power, v, ring, cog, cadence, rider.MinCadenceRpm,
            needed, suggested, warning);
    }
}
