using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CyclingCoach.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
