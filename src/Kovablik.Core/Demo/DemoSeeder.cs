using Kovablik.Data;
namespace Kovablik.Demo;
public sealed record DemoSummary(int Organisations, int Innovations, bool AlreadyPresent);
public static class DemoSeeder
{
    public static Task<DemoSummary> SeedAsync(KovablikDbContext db, string hostProvinceCode = "35", IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
        => Task.FromResult(new DemoSummary(0, 0, true));
}
