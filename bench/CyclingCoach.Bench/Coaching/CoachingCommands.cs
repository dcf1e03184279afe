namespace CyclingCoach.Bench.Coaching;

/// <summary>The console modes bench/scripts/coaching/run.sh drives against a running Coaching service (no BenchmarkDotNet).</summary>
public static class CoachingCommands
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Commands = new()
    {
        ["coaching-setup"] = SetupCommand.RunAsync,
        ["coaching-plan-http"] = PlanHttpCommand.RunAsync,
        ["coaching-analysis-latency"] = AnalysisLatencyCommand.RunAsync,
        ["coaching-fitness"] = FitnessCommand.RunAsync,
        ["coaching-fake-openai"] = FakeOpenAiCommand.RunAsync,
        ["coaching-llm-overhead"] = LlmOverheadCommand.RunAsync,
    };

    public static bool TryGet(string name, out Func<string[], Task<int>> command) => Commands.TryGetValue(name, out command!);
}
