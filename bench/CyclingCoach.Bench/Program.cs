using BenchmarkDotNet.Running;
using CyclingCoach.Bench.Coaching;
using CyclingCoach.Bench.Limits;

namespace CyclingCoach.Bench;

// An explicit entry point: the referenced Coaching service already has a global `Program`.
public static class BenchProgram
{
    // dotnet run -c Release --project bench/CyclingCoach.Bench -- --filter '*'
    // dotnet run -c Release --project bench/CyclingCoach.Bench -- coaching-… (bench/scripts/coaching/run.sh)
    // dotnet run -c Release --project bench/CyclingCoach.Bench -- limits CASE (bench/scripts/limits/run.sh)
    public static async Task<int> Main(string[] args)
    {
        if (args is ["limits", .. var rest])
        {
            return LimitsCommand.Run(rest);
        }

        if (args.Length > 0 && CoachingCommands.TryGet(args[0], out var command))
        {
            return await command(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }
}
