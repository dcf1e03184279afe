using BenchmarkDotNet.Running;
using CyclingCoach.Bench.Coaching;

namespace CyclingCoach.Bench;

// An explicit entry point: the referenced Coaching service already has a global `Program`.
public static class BenchProgram
{
    // dotnet run -c Release --project bench/CyclingCoach.Bench -- --filter '*'
    // dotnet run -c Release --project bench/CyclingCoach.Bench -- coaching-… (bench/scripts/coaching/run.sh)
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && CoachingCommands.TryGet(args[0], out var command))
        {
            return await command(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }
}
