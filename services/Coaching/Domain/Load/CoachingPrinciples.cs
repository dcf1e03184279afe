namespace CyclingCoach.Coaching.Domain.Load;

/// <summary>
/// Every number the coach plans and judges load by, with the principle and its source (research/coaching.md; the
/// tags name its sources: FR = Friel, CZ = Couzens, CG = Coggan &amp; Simmons, TP = TrainingPeaks, TR = TrainerRoad,
/// SE10 = Seiler 2010, CL = Coggan's levels, BO = Bosquet 2007, MP = Mujika &amp; Padilla 2003, MO = Monnier, MY =
/// myprocoach). <b>[E]</b> marks an engineering default no source fixes; we chose it and tuned it on the scenario
/// suite (tests/…/Scenarios). Both engines are judged by these numbers (<see cref="Plans.PlanJudgement"/>); the
/// scenario tests restate them from coaching.md rather than reading them from here. The reactions to a ride (§5) are
/// in CoachingPrinciples.Reactions.cs.
/// </summary>
public static partial class CoachingPrinciples
{
    // ── §1 Load ────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Weekly TSS that raises CTL by r in a week ≈ 7·(CTL + 6.5·r) [D, CG: ~525 at CTL 50 for +4].</summary>
    public const double RampTssPerCtlPoint = 6.5;

    /// <summary>Planned CTL ramp per week by default: Friel's 5–8 suits most, Couzens prefers 3–5 [FR1, CZ].</summary>
    public const double DefaultRamp = 5;

    /// <summary>Ramp for a new, provisional or returning rider: the low-risk band at CTL &lt; 45 [CZ2].</summary>
    public const double CautiousRamp = 4;

    /// <summary>No plan week may project a 7-day CTL rise above this [FR1: above ~8 is for a few, often elite].</summary>
    public const double HardRampCap = 8;

    /// <summary>A week at most 10 % above the biggest of the 4 weeks before it [E; TRF: TrainerRoad builds rise 5–10 %].</summary>
    public const double WeekOverRecentMax = 1.10;

    /// <summary>
    /// The built-in coach lets a week's hours grow at most 10 % over the biggest of the 4 weeks before, like its TSS
    /// [E; TRF]; the limit gives way before the rider would detrain (planned sessions can be easier per hour than theirs).
    /// </summary>
    public const double HoursOverRecentMax = 1.10;

    /// <summary>The judgement lets a plan go this far over <see cref="WeekOverRecentMax"/> before it calls it a jump [E].</summary>
    public const double JumpTolerance = 1.05;

    /// <summary>A build week under this share of what the rider's CTL holds (7·CTL) detrains them [E, tolerance of the model].</summary>
    public const double MaintenanceTolerance = 0.95;

    /// <summary>A week that uses at least this share of the hours the rider's caps allow is "at the cap" [E].</summary>
    public const double AtCapShare = 0.95;

    /// <summary>TSS an hour to seed a rider without history: 50–75 (low end for unstructured outdoor riding) [TP-S].</summary>
    public const double SeedTssPerHour = 50;

    /// <summary>Hours a week a rider without history is seeded at, unless their goal or rules say less [E].</summary>
    public const double SeedHours = 5;

    /// <summary>The PMC is provisional until about 6 weeks of data [TP-S, FR2].</summary>
    public const int ProvisionalDays = 42;

    /// <summary>Days off after which a plan steps back rather than resuming [TR-M: 7–10 d resume, &gt;10 d step back].</summary>
    public const int BreakDays = 10;

    /// <summary>
    /// Without a plan to read the cycle from, a history week counts as a build week (towards the next recovery week)
    /// when it raised CTL by at least this much: a deliberate build, not steady riding still settling [E].
    /// </summary>
    public const double BuildWeekRamp = 2;

    /// <summary>
    /// A rider with a few weeks of very little riding, or back from a break so long that CTL holds less than this, is
    /// planned from at least this many hours of easy riding (× <see cref="SeedTssPerHour"/>), as a new rider is seeded:
    /// 3 h is the top of the WHO's 150–300 min of moderate activity a week for health, a floor under "training" [E on
    /// WHO 2020]. Without it a rider back after months off (CTL 3) got one 39-min ride a week.
    /// </summary>
    public const double LeastStartHours = 3;

    /// <summary>A planned session shorter than this is not worth a day of its own: the days a week's hours fill [E].</summary>
    public const int ShortestUsefulSessionSeconds = 45 * 60;

    /// <summary>At most this many sessions a week: one day off the bike [E].</summary>
    public const int MaxSessionsPerWeek = 6;

    // ── §2 Recovery weeks ──────────────────────────────────────────────────────────────────────────────────────

    /// <summary>A recovery week after 3 build weeks: Friel's 2–5, his 4-week cycles ending in rest [FR2, FR3; 3:1 is E].</summary>
    public const int BuildWeeksPerCycle = 3;

    /// <summary>The judgement refuses a recovery week after fewer build weeks than this [FR2: after 2–5 weeks].</summary>
    public const int MinBuildWeeksBeforeRecovery = 2;

    /// <summary>The judgement refuses a run of more build weeks than this without a lighter one [FR2: 2–5 weeks].</summary>
    public const int MostBuildWeeksInARow = 5;

    /// <summary>Recovery week TSS: 50–65 % of the mean build week; 60 % planned [E; TRF: ~59 % observed].</summary>
    public const double RecoveryShare = 0.60;

    /// <summary>The judgement's upper bound for a lighter week (the 65 % of coaching.md with a little slack) [E].</summary>
    public const double LightWeekShare = 0.70;

    // ── §3 Intensity distribution ──────────────────────────────────────────────────────────────────────────────

    /// <summary>Easy = below about 75 % FTP, the top of Coggan's level 2 [CL].</summary>
    public const double EasyPowerCeiling = 0.75;

    /// <summary>At least 75 % of each week's time easy [SE10, SK, SP23].</summary>
    public const double MinEasyShare = 0.75;

    /// <summary>
    /// Hard sessions a week [E]: 1 with fewer than 4 sessions or CTL under 30, 2 with 4–6, 3 with 7 or more at CTL ≥ 60
    /// (hard ≈ 20 % of sessions [SE10]). The rider's own maximum still overrides.
    /// </summary>
    public static int HardSessionsFor(int sessions, double ctl) => sessions switch
    {
        0 => 0,
        _ when sessions < 4 || ctl < 30 => 1,
        >= 7 when ctl >= 60 => 3,
        _ => 2,
    };

    /// <summary>A quality session's length by fitness [E]: 60 min under CTL 30, 75 min under 60, else 90 min.</summary>
    public static int QualitySecondsFor(double ctl) => ctl < 30 ? 60 * 60 : ctl < 60 ? 75 * 60 : 90 * 60;

    // ── §4 Periodisation toward an event ───────────────────────────────────────────────────────────────────────

    /// <summary>More weeks than this to the A event: Base; fewer: Build/Specialty [E; TR-A: 12 Base + 8 Build + 8 Specialty].</summary>
    public const int BaseBeyondWeeks = 20;

    /// <summary>The last weeks before the taper are Specialty (race-like intensity) [TR-A: 8 weeks].</summary>
    public const int SpecialtyWeeks = 8;

    /// <summary>The A taper starts this many days before the event: 10–14 days, 2 weeks best [BO, MP].</summary>
    public const int TaperDays = 14;

    /// <summary>
    /// Volume in the first half of the taper (days 14–8 before): progressive, not a step [MP]. 90 % [E, tuned on the
    /// season scenarios]: with the last week at 55 % a rider who trained at about what their CTL holds loses under 10 %
    /// of CTL [FR5] and arrives at TSB +10..+20 [FR4]; 75 % lost 10–11 %.
    /// </summary>
    public const double TaperFirstWeekShare = 0.90;

    /// <summary>Volume in the last 7 days before an A event: 40–60 % of the pre-taper weeks [BO, WA]; 55 % [E, tuned].</summary>
    public const double TaperLastWeekShare = 0.55;

    /// <summary>The judgement's band for the last 7 days before an A event [BO, WA: volume cut by 41–60 %].</summary>
    public const double TaperLastWeekLow = 0.40, TaperLastWeekHigh = 0.60;

    /// <summary>A B event: its 4 days before at this share [MY: B taper 4 days; MO: "some reduction"; E].</summary>
    public const int BTaperDays = 4;

    public const double BTaperShare = 0.70;

    /// <summary>No hard session in the 48 h before an A or B event [E; race week = brief openers, MP, BO].</summary>
    public const int NoHardDaysBeforeEvent = 2;

    /// <summary>A race opener: short, at race intensity, a few days out [MP, BO: intensity kept in the taper].</summary>
    public const int OpenerSeconds = 45 * 60;

    /// <summary>The week after an A event is easy only, at this share of the pre-taper volume [E; FR3 Transition].</summary>
    public const double TransitionShare = 0.40;

    /// <summary>Projected race-day TSB for an A event: +5..+25 [FR4: +15..+25, some athletes +5..+10].</summary>
    public const double RaceTsbLow = 5, RaceTsbHigh = 25;

    /// <summary>The taper may cost at most 10 % of CTL [FR5].</summary>
    public const double MaxTaperCtlLoss = 0.10;

    /// <summary>A events 9–11 weeks apart: the later is ridden as a B event (a peak lasts 6–8 weeks) [TR-A].</summary>
    public const int AEventsTooCloseFromWeeks = 9, AEventsTooCloseToWeeks = 11;
}
