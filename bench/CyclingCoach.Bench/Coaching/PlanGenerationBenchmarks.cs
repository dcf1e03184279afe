using BenchmarkDotNet.Attributes;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Bench.Coaching;

/// <summary>
/// The built-in coach's 4-week plan from a year of history: the fitness snapshot (PMC and weekly windows over 365
/// days), the plan, the validator's repair and the coach's judgement (target ≤ 200 ms for all of it together).
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class PlanGenerationBenchmarks
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private IReadOnlyList<DailyRiding> _year = null!;
    private PlanContext _context = null!;
    private TrainingPlan _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _year = CoachingScenario.YearOfRiding(Today);
        _context = CoachingScenario.Context(Today);
        _plan = BuiltInPlanGenerator.Generate(_context);
        var review = PlanJudgement.Review(_plan, _context);
        if (review.Errors.Count > 0)
        {
            throw new InvalidOperationException("The scenario's plan must pass the validator and the judgement: " + string.Join("; ", review.Errors));
        }
    }

    [Benchmark]
    public FitnessSnapshot SnapshotOfAYear() => LoadHistory.Snapshot(_year, Today);

    [Benchmark]
    public TrainingPlan Generate() => BuiltInPlanGenerator.Generate(_context);

    [Benchmark]
    public PlanReview RepairAndJudge() => PlanJudgement.Review(_plan, _context);

    [Benchmark(Baseline = true)]
    public PlanReview FromAYearOfHistory()
    {
        var context = _context with { Fitness = LoadHistory.Snapshot(_year, Today) };
        return PlanJudgement.Review(BuiltInPlanGenerator.Generate(context), context);
    }
}
