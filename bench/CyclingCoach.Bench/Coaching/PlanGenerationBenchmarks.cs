using BenchmarkDotNet.Attributes;
using CyclingCoach.Coaching.Coach.Plans;
using CyclingCoach.Coaching.Engines;

namespace CyclingCoach.Bench.Coaching;

/// <summary>The built-in coach's 4-week plan and the validator's pass over it (target ≤ 200 ms for both together).</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class PlanGenerationBenchmarks
{
    private PlanContext _context = null!;
    private TrainingPlan _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _context = CoachingScenario.Context(new DateOnly(2026, 12, 1));
        _plan = BuiltInPlanGenerator.Generate(_context);
        var repaired = PlanValidator.Repair(_plan, _context.Rules);
        if (!repaired.Accepted)
        {
            throw new InvalidOperationException("The scenario's plan must pass the validator: " + string.Join("; ", repaired.Remaining));
        }
    }

    [Benchmark]
    public TrainingPlan Generate() => BuiltInPlanGenerator.Generate(_context);

    [Benchmark]
    public PlanRepairResult Repair() => PlanValidator.Repair(_plan, _context.Rules);

    [Benchmark(Baseline = true)]
    public PlanRepairResult GenerateAndRepair() => PlanValidator.Repair(BuiltInPlanGenerator.Generate(_context), _context.Rules);
}
