using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Kovablik.Bench -- --filter '*'          (judging only: --filter '*Judging*' --job short)
// dotnet run -c Release --project bench/Kovablik.Bench -- judging-assign [--proposals 5000] [--jurors 200]   (assignment confirm through the service on SQLite)
// dotnet run -c Release --project bench/Kovablik.Bench -- judging   (sanity of the judging benchmark instances)
// dotnet run -c Release --project bench/Kovablik.Bench -- submissions seed|run ...   (see bench/load/submissions.sh)
// dotnet run -c Release --project bench/Kovablik.Bench -- votes seed|run ...         (see bench/load/votes.sh)
if (args.FirstOrDefault() == "judging-assign") return await Kovablik.Bench.Judging.AssignmentLoad.MainAsync(args[1..]);
if (args.FirstOrDefault() == "judging") return Kovablik.Bench.Judging.JudgingCheck.Run();
if (args.FirstOrDefault() == "votes") return await Kovablik.Bench.Votes.VoteLoad.MainAsync(args[1..]);
if (args.FirstOrDefault() == "submissions") return await Kovablik.Bench.Submissions.SubmissionLoad.MainAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
