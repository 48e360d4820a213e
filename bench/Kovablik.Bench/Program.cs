using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Kovablik.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
