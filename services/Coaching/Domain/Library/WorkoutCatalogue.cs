using CyclingCoach.Coaching.Domain.Plans;
using static CyclingCoach.Coaching.Domain.Library.LibraryCategory;

namespace CyclingCoach.Coaching.Domain.Library;

/// <summary>
/// The curated sessions both engines choose from (Domain/Library/README.md lists them with their sources). Powers are
/// fractions of FTP in Coggan's levels [CL]: recovery &lt; 55 %, endurance 56–75 %, tempo 76–90 %, sweet spot 88–94 %,
/// threshold 91–105 %, VO2max 106–120 %, anaerobic 121–150 %, sprints above. Every session opens with a warm-up ramp
/// and ends with a cool-down ramp; endurance segments (56–75 %) are what a session gives or takes to fit a day
/// (<see cref="LibraryFit"/>); recoveries between sets sit at 50–55 %.
/// </summary>
public static class WorkoutCatalogue
{
    public static IReadOnlyList<LibraryWorkout> All { get; } = Build();

    private static readonly Dictionary<string, LibraryWorkout> ById = All.ToDictionary(w => w.Id, StringComparer.Ordinal);

    public static LibraryWorkout? Find(string? id) => id is not null && ById.TryGetValue(id, out var workout) ? workout : null;

    /// <summary>Race openers for the last days before an event (coaching.md §4: intensity kept in the taper [MP, BO]).</summary>
    public static LibraryWorkout Openers => ById["openers-45"];

    private static List<LibraryWorkout> Build()
    {
        var list = new List<LibraryWorkout>();
        void Add(string id, string name, LibraryCategory category, WorkoutType type, string purpose, string source, params WorkoutStep[] main) =>
            list.Add(new LibraryWorkout(id, name, category, type, purpose, source, [Warm(10), .. main, Cool(10)]));
        void AddShort(string id, string name, LibraryCategory category, WorkoutType type, string purpose, string source, params WorkoutStep[] main) =>
            list.Add(new LibraryWorkout(id, name, category, type, purpose, source, [Warm(5), .. main, Cool(5)]));

        // ── Recovery: blood flow, nothing to recover from [CL level 1] ──
        const string recovery = "Active recovery: easy spinning that loosens the legs without adding fatigue, the day after hard work.";
        AddShort("recovery-30", "Recovery spin", Recovery, WorkoutType.Recovery, recovery, "CL", S(20, 0.50, 90));
        AddShort("recovery-45", "Recovery spin", Recovery, WorkoutType.Recovery, recovery, "CL", S(35, 0.50, 90));
        AddShort("recovery-60", "Recovery spin", Recovery, WorkoutType.Recovery, recovery, "CL", S(50, 0.50, 90));

        // ── Endurance: the aerobic base, most of the week's time [SE10, SS14, CL level 2] ──
        const string endurance = "Aerobic endurance in zone 2: capillaries, mitochondria and fat use; the low-intensity bulk of a polarised week.";
        foreach (var minutes in new[] { 45, 60, 90, 120, 150, 180 })
        {
            Add($"endurance-{minutes}", "Endurance ride", Endurance, WorkoutType.Endurance, endurance, "SE10, SS14, CL", S(minutes - 20, 0.65));
        }

        const string cadence = "Endurance with high-cadence spells: pedalling economy and a smooth stroke at no extra fatigue.";
        Add("endurance-cadence-60", "Endurance with cadence drills", Endurance, WorkoutType.Endurance, cadence, "E",
            S(8, 0.65), I(4, 120, 0.68, 180, 0.65, 110), S(10, 0.65));
        Add("endurance-cadence-90", "Endurance with cadence drills", Endurance, WorkoutType.Endurance, cadence, "E",
            S(15, 0.65), I(6, 120, 0.68, 180, 0.65, 110), S(25, 0.65));

        // ── Tempo: muscular endurance at 76–90 % [CL level 3] ──
        const string tempo = "Tempo: sustained aerobic work just under sweet spot; fatigue resistance for long days at a cost a week absorbs.";
        Add("tempo-2x15", "Tempo 2×15", Tempo, WorkoutType.Tempo, tempo, "CL", I(2, 15 * 60, 0.82, 5 * 60, 0.60));
        Add("tempo-2x20", "Tempo 2×20", Tempo, WorkoutType.Tempo, tempo, "CL", I(2, 20 * 60, 0.82, 5 * 60, 0.60));
        Add("tempo-3x15", "Tempo 3×15", Tempo, WorkoutType.Tempo, tempo, "CL", I(3, 15 * 60, 0.83, 5 * 60, 0.60));
        Add("tempo-3x20", "Tempo 3×20", Tempo, WorkoutType.Tempo, tempo, "CL", I(3, 20 * 60, 0.83, 5 * 60, 0.60));
        Add("tempo-45", "Tempo 45", Tempo, WorkoutType.Tempo, tempo, "CL", S(5, 0.65), S(45, 0.80), S(5, 0.65));
        Add("tempo-60", "Tempo 60", Tempo, WorkoutType.Tempo, tempo, "CL", S(10, 0.65), S(60, 0.80), S(10, 0.65));

        // ── Sweet spot: 88–94 %, much of threshold's stimulus for less fatigue [CL; TR: 88–94 %] ──
        const string sweetSpot = "Sweet spot: raises FTP and fatigue resistance with a recovery cost low enough for two or three sessions a week.";
        Add("sweet-spot-3x8", "Sweet spot 3×8", SweetSpot, WorkoutType.SweetSpot, sweetSpot, "CL, TR", I(3, 8 * 60, 0.88, 4 * 60, 0.55));
        Add("sweet-spot-3x10", "Sweet spot 3×10", SweetSpot, WorkoutType.SweetSpot, sweetSpot, "CL, TR", I(3, 10 * 60, 0.88, 5 * 60, 0.55));
        Add("sweet-spot-2x15", "Sweet spot 2×15", SweetSpot, WorkoutType.SweetSpot, sweetSpot, "CL, TR", I(2, 15 * 60, 0.90, 5 * 60, 0.55));
        Add("sweet-spot-3x12", "Sweet spot 3×12", SweetSpot, WorkoutType.SweetSpot, sweetSpot, "CL, TR", I(3, 12 * 60, 0.90, 4 * 60, 0.55));
        Add("sweet-spot-2x20", "Sweet spot 2×20", SweetSpot, WorkoutType.SweetSpot, sweetSpot, "CL, TR", I(2, 20 * 60, 0.90, 5 * 60, 0.55));
        Add("sweet-spot-3x15", "Sweet spot 3×15", SweetSpot, WorkoutType.SweetSpot, sweetSpot, "CL, TR", I(3, 15 * 60, 0.90, 5 * 60, 0.55));
        Add("sweet-spot-4x12", "Sweet spot 4×12", SweetSpot, WorkoutType.SweetSpot, sweetSpot, "CL, TR", I(4, 12 * 60, 0.91, 4 * 60, 0.55));
        Add("sweet-spot-3x20", "Sweet spot 3×20", SweetSpot, WorkoutType.SweetSpot, sweetSpot, "CL, TR", I(3, 20 * 60, 0.91, 5 * 60, 0.55));
        Add("sweet-spot-2x25", "Sweet spot 2×25", SweetSpot, WorkoutType.SweetSpot, sweetSpot, "CL, TR", S(25, 0.90), S(4, 0.55), S(25, 0.90));
        Add("sweet-spot-2x30", "Sweet spot 2×30", SweetSpot, WorkoutType.SweetSpot, sweetSpot, "CL, TR", I(2, 30 * 60, 0.90, 8 * 60, 0.55));

        // ── Threshold: 95–105 % [CL level 4; SE13: 4×8 min gave more than 4×4 or 4×16] ──
        const string threshold = "Threshold: work at FTP itself, the surest way to raise it and to learn the pace of a long climb or a time trial.";
        Add("threshold-3x8", "Threshold 3×8", Threshold, WorkoutType.Threshold, threshold, "CL, SE13", I(3, 8 * 60, 0.98, 4 * 60, 0.55));
        Add("threshold-4x8", "Threshold 4×8", Threshold, WorkoutType.Threshold, threshold, "SE13", I(4, 8 * 60, 1.00, 4 * 60, 0.55));
        Add("threshold-2x12", "Threshold 2×12", Threshold, WorkoutType.Threshold, threshold, "CL", I(2, 12 * 60, 0.98, 6 * 60, 0.55));
        Add("threshold-3x12", "Threshold 3×12", Threshold, WorkoutType.Threshold, threshold, "CL", I(3, 12 * 60, 0.98, 6 * 60, 0.55));
        Add("threshold-2x20", "Threshold 2×20", Threshold, WorkoutType.Threshold, threshold, "CL, AC", S(20, 0.97), S(6, 0.55), S(20, 0.97));
        Add("threshold-2x25", "Threshold 2×25", Threshold, WorkoutType.Threshold, threshold, "CL, AC", S(25, 0.96), S(8, 0.55), S(25, 0.96));
        Add("threshold-3x15", "Threshold 3×15", Threshold, WorkoutType.Threshold, threshold, "CL", I(3, 15 * 60, 0.98, 6 * 60, 0.55));

        // ── Over-unders: surges over FTP inside threshold work, clearing lactate while still under load [E] ──
        const string overUnder = "Over-unders: 95 % with surges to 105 %, so the body learns to clear what a surge leaves while still at threshold, as in a race.";
        Add("over-under-3x6", "Over-unders 3×6", OverUnders, WorkoutType.Threshold, overUnder, "E",
            OverUnder(3, 60, 60), S(4, 0.55), OverUnder(3, 60, 60), S(4, 0.55), OverUnder(3, 60, 60));
        Add("over-under-3x9", "Over-unders 3×9", OverUnders, WorkoutType.Threshold, overUnder, "E",
            OverUnder(3, 60, 120), S(5, 0.55), OverUnder(3, 60, 120), S(5, 0.55), OverUnder(3, 60, 120));
        Add("over-under-4x9", "Over-unders 4×9", OverUnders, WorkoutType.Threshold, overUnder, "E",
            OverUnder(3, 60, 120), S(5, 0.55), OverUnder(3, 60, 120), S(5, 0.55), OverUnder(3, 60, 120), S(5, 0.55), OverUnder(3, 60, 120));
        Add("over-under-3x12", "Over-unders 3×12", OverUnders, WorkoutType.Threshold, overUnder, "E",
            OverUnder(4, 60, 120), S(6, 0.55), OverUnder(4, 60, 120), S(6, 0.55), OverUnder(4, 60, 120));

        // ── VO2max: 106–120 %, minutes near VO2max [CL level 5; SE13; RO15; LJ02] ──
        const string vo2 = "VO2max: efforts long enough to reach maximal oxygen uptake, raising the ceiling that threshold work builds under.";
        Add("vo2max-5x3", "VO2max 5×3", Vo2Max, WorkoutType.Vo2Max, vo2, "CL, LJ02", I(5, 180, 1.15, 180, 0.50));
        Add("vo2max-4x4", "VO2max 4×4", Vo2Max, WorkoutType.Vo2Max, vo2, "SE13", I(4, 240, 1.12, 240, 0.50));
        Add("vo2max-6x3", "VO2max 6×3", Vo2Max, WorkoutType.Vo2Max, vo2, "CL, LJ02", I(6, 180, 1.15, 180, 0.50));
        Add("vo2max-5x4", "VO2max 5×4", Vo2Max, WorkoutType.Vo2Max, vo2, "SE13", I(5, 240, 1.12, 240, 0.50));
        Add("vo2max-5x5", "VO2max 5×5", Vo2Max, WorkoutType.Vo2Max, vo2, "SE13, LJ02", I(5, 300, 1.08, 300, 0.50));
        const string shortVo2 = "Short VO2max intervals: on/off efforts that keep oxygen uptake high for longer than steady efforts allow.";
        Add("vo2max-30-15-2x13", "VO2max 30/15 2×13", Vo2Max, WorkoutType.Vo2Max, shortVo2, "RO15",
            I(13, 30, 1.20, 15, 0.50), S(3, 0.50), I(13, 30, 1.20, 15, 0.50), Seconds(210, 0.50));
        Add("vo2max-30-15-3x13", "VO2max 30/15 3×13", Vo2Max, WorkoutType.Vo2Max, shortVo2, "RO15",
            I(13, 30, 1.20, 15, 0.50), S(3, 0.50), I(13, 30, 1.20, 15, 0.50), S(3, 0.50), I(13, 30, 1.20, 15, 0.50), Seconds(225, 0.50));
        Add("vo2max-30-30-2x10", "VO2max 30/30 2×10", Vo2Max, WorkoutType.Vo2Max, shortVo2, "LJ02",
            I(10, 30, 1.20, 30, 0.50), S(5, 0.50), I(10, 30, 1.20, 30, 0.50));
        Add("openers-45", "Race openers", Vo2Max, WorkoutType.Vo2Max,
            "Openers: a few short efforts at race intensity in the last days before an event, to arrive fresh but sharp.", "MP, BO",
            S(10, 0.65), I(3, 120, 1.10, 180, 0.50));

        // ── Anaerobic: 121–150 % and all-out [CL level 6; TA96; BU05] ──
        const string anaerobic = "Anaerobic capacity: short efforts far above FTP for the attacks, short climbs and gaps of a race.";
        Add("anaerobic-8x1", "Anaerobic 8×1", Anaerobic, WorkoutType.Anaerobic, anaerobic, "CL, LJ02", I(8, 60, 1.30, 240, 0.50));
        Add("anaerobic-6x2", "Anaerobic 6×2", Anaerobic, WorkoutType.Anaerobic, anaerobic, "CL, LJ02", I(6, 120, 1.22, 240, 0.50));
        Add("anaerobic-10x45", "Anaerobic 10×45 s", Anaerobic, WorkoutType.Anaerobic, anaerobic, "CL", I(10, 45, 1.35, 195, 0.50));
        Add("anaerobic-tabata-2x8", "Tabata 2×8", Anaerobic, WorkoutType.Anaerobic,
            "Tabata: 20 s very hard / 10 s easy, eight times; taxes both aerobic and anaerobic capacity in minutes.", "TA96",
            S(5, 0.65), I(8, 20, 1.70, 10, 0.50), S(6, 0.50), I(8, 20, 1.70, 10, 0.50));
        Add("anaerobic-30s-4", "Sprint intervals 4×30 s", Anaerobic, WorkoutType.Anaerobic,
            "All-out 30-s efforts with long recoveries (Wingate style): large aerobic and anaerobic gains from little time.", "BU05",
            S(5, 0.65), I(4, 30, 2.00, 270, 0.45));
        Add("anaerobic-30s-6", "Sprint intervals 6×30 s", Anaerobic, WorkoutType.Anaerobic,
            "All-out 30-s efforts with long recoveries (Wingate style): large aerobic and anaerobic gains from little time.", "BU05",
            S(5, 0.65), I(6, 30, 2.00, 270, 0.45));

        // ── Sprints: neuromuscular power, full recovery between [CL level 7] ──
        const string sprint = "Sprints: maximal short efforts with full recovery, for peak power and the speed to finish; little fatigue.";
        Add("sprints-6x10", "Sprints 6×10 s", Sprints, WorkoutType.Sprint, sprint, "CL", S(5, 0.65), I(6, 10, 2.00, 290, 0.50, 110));
        Add("sprints-8x15", "Sprints 8×15 s", Sprints, WorkoutType.Sprint, sprint, "CL", S(5, 0.65), I(8, 15, 1.80, 285, 0.50, 110));
        Add("sprints-standing-6x12", "Standing starts 6×12 s", Sprints, WorkoutType.Sprint,
            "Standing starts from a low cadence in a big gear: the force for a jump out of a corner or a bunch.", "E",
            S(5, 0.65), I(6, 12, 1.90, 288, 0.50, 60));
        Add("sprints-endurance-90", "Endurance with sprints", Sprints, WorkoutType.Sprint,
            "Endurance ride with sprints spread through it: peak power kept alive in a base week at little cost.", "CL",
            S(15, 0.65), I(4, 10, 2.00, 350, 0.65, 110), S(10, 0.65), I(4, 10, 2.00, 350, 0.65, 110), S(2, 0.65));

        // ── Long rides: endurance over hours, with race-like efforts in some [SE10, FR3, CL] ──
        const string longRide = "Long ride: hours in zone 2 for endurance and fuelling practice; the week's longest session.";
        foreach (var minutes in new[] { 150, 180, 240, 300 })
        {
            Add($"long-{minutes}", "Long ride", LongRide, WorkoutType.LongRide, longRide, "SE10, CL", S(minutes - 20, 0.65));
        }

        const string longTempo = "Long ride with tempo blocks: endurance with the late-race fatigue resistance of sustained tempo when already tired.";
        Add("long-tempo-180", "Long ride with tempo", LongRide, WorkoutType.LongRide, longTempo, "FR3, CL",
            S(40, 0.65), S(20, 0.80), S(20, 0.65), S(20, 0.80), S(20, 0.65), S(20, 0.80), S(20, 0.65));
        Add("long-tempo-240", "Long ride with tempo", LongRide, WorkoutType.LongRide, longTempo, "FR3, CL",
            S(50, 0.65), S(20, 0.80), S(25, 0.65), S(20, 0.80), S(25, 0.65), S(20, 0.80), S(25, 0.65), S(20, 0.80), S(15, 0.65));
        Add("long-sweet-spot-210", "Long ride with sweet spot", LongRide, WorkoutType.SweetSpot,
            "Long ride with sweet-spot climbs: the efforts of a hilly event on tired legs; a hard day.", "FR3, CL",
            S(50, 0.65), I(3, 15 * 60, 0.90, 20 * 60, 0.65), S(35, 0.65));
        Add("long-hard-finish-180", "Long ride with a hard finish", LongRide, WorkoutType.Threshold,
            "Long ride that ends with threshold efforts: the finale of a race, ridden on legs that have already done hours.", "FR3, CL",
            S(120, 0.65), I(3, 5 * 60, 1.02, 5 * 60, 0.55), S(10, 0.65));

        // ── Low cadence: force at 50–65 rpm [PA09; FR3 muscular force] ──
        const string lowCadence = "Low-cadence work: big-gear efforts at 55–65 rpm for the force of steep climbs, seated, knees spared by a moderate power.";
        Add("low-cadence-tempo-3x10", "Low-cadence tempo 3×10", LowCadence, WorkoutType.Tempo, lowCadence, "PA09",
            I(3, 10 * 60, 0.80, 5 * 60, 0.60, 60));
        Add("low-cadence-tempo-4x10", "Low-cadence tempo 4×10", LowCadence, WorkoutType.Tempo, lowCadence, "PA09",
            I(4, 10 * 60, 0.80, 5 * 60, 0.60, 60));
        Add("low-cadence-sweet-spot-3x12", "Low-cadence sweet spot 3×12", LowCadence, WorkoutType.SweetSpot, lowCadence, "PA09",
            I(3, 12 * 60, 0.88, 5 * 60, 0.55, 60));
        Add("low-cadence-climb-5x5", "Low-cadence climbs 5×5", LowCadence, WorkoutType.Threshold, lowCadence, "PA09",
            I(5, 5 * 60, 0.95, 4 * 60, 0.55, 55));

        // ── Race simulations: the event's own demands, in the weeks before it [FR3, TR-A specialty] ──
        Add("race-crit-60", "Criterium simulation", RaceSimulation, WorkoutType.Anaerobic,
            "Criterium: repeated 30-s accelerations out of corners over a high base, as a crit race is ridden.", "FR3, TR-A",
            I(10, 30, 1.50, 30, 0.70), S(5, 0.55), I(10, 30, 1.50, 30, 0.70), S(5, 0.55), I(10, 30, 1.50, 30, 0.70));
        Add("race-road-90", "Road race simulation", RaceSimulation, WorkoutType.Vo2Max,
            "Road race: tempo in the bunch, repeated attacks, then a sprint finish.", "FR3, TR-A",
            S(15, 0.80), I(6, 60, 1.25, 120, 0.70), S(10, 0.80), I(3, 15, 1.80, 165, 0.55));
        Add("race-time-trial-75", "Time trial simulation", RaceSimulation, WorkoutType.Threshold,
            "Time trial: a steady 30 min at FTP, paced evenly, after an opener.", "FR3, TR-A",
            I(1, 60, 1.10, 240, 0.55), S(30, 1.00), S(5, 0.65));
        Add("race-hill-climb-75", "Hill-climb simulation", RaceSimulation, WorkoutType.Threshold,
            "Hill climb: three climbs at or just over FTP at a climbing cadence, descending between them.", "FR3, TR-A",
            I(3, 8 * 60, 1.03, 6 * 60, 0.55, 75));
        Add("race-cyclocross-60", "Cyclocross simulation", RaceSimulation, WorkoutType.Anaerobic,
            "Cyclocross: surges out of corners and over barriers on a high base, again and again.", "FR3, TR-A",
            I(12, 20, 1.50, 40, 0.90), S(5, 0.55), I(12, 20, 1.50, 40, 0.90));
        Add("race-gran-fondo-240", "Gran fondo simulation", RaceSimulation, WorkoutType.SweetSpot,
            "Gran fondo: four long climbs at sweet spot in four hours, fuelled as on the day.", "FR3, TR-A",
            S(30, 0.65), I(4, 15 * 60, 0.88, 35 * 60, 0.65), S(20, 0.65));
        return list;
    }

    private static WorkoutStep Warm(int minutes) => new(StepKind.Warmup, minutes * 60, 0.45, 0.70);

    private static WorkoutStep Cool(int minutes) => new(StepKind.Cooldown, minutes * 60, 0.60, 0.40);

    private static WorkoutStep S(int minutes, double power, int? rpm = null) => Seconds(minutes * 60, power, rpm);

    /// <summary>Easy riding of a length in seconds, to round a session of short sets up to whole minutes.</summary>
    private static WorkoutStep Seconds(int seconds, double power, int? rpm = null) => new(StepKind.Steady, seconds, power, power, CadenceRpm: rpm);

    private static WorkoutStep I(int repeat, int onSeconds, double on, int offSeconds, double off, int? rpm = null) =>
        new(StepKind.Intervals, onSeconds, on, on, repeat, offSeconds, off, rpm);

    /// <summary>An over-under block: <paramref name="repeat"/> × (over at 105 % / under at 95 %), the under as the interval's "off".</summary>
    private static WorkoutStep OverUnder(int repeat, int overSeconds, int underSeconds) =>
        new(StepKind.Intervals, overSeconds, 1.05, 1.05, repeat, underSeconds, 0.95);
}
