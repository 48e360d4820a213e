using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Kovablik.Bench -- --filter '*'
// dotnet run -c Release --project bench/Kovablik.Bench -- submissions seed|run ...   (see bench/load/submissions.sh)
if (args.FirstOrDefault() == "submissions") return await Kovablik.Bench.Submissions.SubmissionLoad.MainAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
