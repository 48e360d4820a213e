using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Platform;
using Kovablik.Reference;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Demo;

public sealed record DemoSummary(int Organisations, int Innovations, bool AlreadyPresent);

/// <summary>
/// Fills an installation with demo data shaped like the host province's government: provincial perangkat daerah
/// with their UPT, the kabupaten/kota with their own units and service points, BUMD, and a few hundred
/// innovations. Every row is flagged <c>IsDemo</c> so the UI can badge it and an administrator can remove it.
/// </summary>
/// <remarks>
/// Needs <see cref="ReferenceData.SeedAsync"/> to have run. Runs in one transaction and clears the context's
/// change tracker as it goes, so pass a context without pending work. Deterministic: the same reference data
/// always yields the same organisations and innovations.
/// </remarks>
public static class DemoSeeder
{
    private const int OrganisationBatch = 500;
    private const int InnovationBatch = 100;
    public const int InnovationCount = 300;

    /// <summary>The load-test size (issue 5: 50,000 published innovations) with room to spare.</summary>
    public const int MaxInnovationCount = 200_000;

    public static async Task<DemoSummary> SeedAsync(KovablikDbContext db, string hostProvinceCode = "35", IProgress<(int Done, int Total)>? progress = null,
        int innovationCount = InnovationCount, CancellationToken ct = default)
    {
        if (await db.Organisations.AnyAsync(o => o.IsDemo, ct))
        {
            return new DemoSummary(
                await db.Organisations.CountAsync(o => o.IsDemo, ct),
                await db.Innovations.CountAsync(i => i.IsDemo, ct),
                AlreadyPresent: true);
        }
        if (db.ChangeTracker.HasChanges())
            throw new InvalidOperationException("The context has unsaved changes; the demo seeder saves and clears the change tracker.");

        var root = await db.Organisations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Code == hostProvinceCode && o.ParentId == null, ct)
            ?? throw new InvalidOperationException($"Host province organisation '{hostProvinceCode}' is missing; run ReferenceData.SeedAsync first.");
        var provinceName = await db.Regions.AsNoTracking().Where(r => r.Code == hostProvinceCode).Select(r => r.Name).FirstOrDefaultAsync(ct)
            ?? root.Name;
        var regencyNames = await db.Regions.AsNoTracking().Where(r => r.ParentCode == hostProvinceCode)
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var regencies = await db.Organisations.AsNoTracking()
            .Where(o => o.ParentId == root.Id && o.Type == OrganisationType.KabupatenKota && o.RegionCode != null)
            .OrderBy(o => o.RegionCode).ToListAsync(ct);
        var usedCodes = (await db.Organisations.AsNoTracking().Where(o => o.Code != null).Select(o => o.Code!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var taxonomy = new DemoTaxonomy(
            await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Id, ct),
            await db.SdgGoals.AsNoTracking().Select(s => s.Id).ToListAsync(ct),
            await db.TargetGroups.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.Id, ct));

        var rng = new Random(2026);
        var tree = new DemoTree(rng, usedCodes);
        tree.AddProvince(root, hostProvinceCode, provinceName);
        var districts = LoadDistricts(hostProvinceCode);
        foreach (var regency in regencies)
        {
            var regionName = regencyNames.GetValueOrDefault(regency.RegionCode!) ?? regency.Name.Replace("Pemerintah ", "", StringComparison.Ordinal);
            tree.AddRegency(regency, regionName, districts.GetValueOrDefault(regency.RegionCode!) ?? []);
        }

        var now = db.Time.GetUtcNow();
        var composer = new DemoInnovationComposer(rng, now, Wib.Today(db.Time), taxonomy, [.. regencyNames.Values.Order(StringComparer.Ordinal)]);
        ArgumentOutOfRangeException.ThrowIfLessThan(innovationCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(innovationCount, MaxInnovationCount);
        var drafts = tree.PickInnovationOwners(innovationCount).Zip(Statuses(rng, innovationCount), composer.Compose).ToList();

        var total = tree.Units.Count + drafts.Count;
        var done = 0;
        progress?.Report((0, total));

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            // Ids come from the database, so a level can only be written once its parents have theirs.
            foreach (var level in tree.Units.GroupBy(u => u.Generation).OrderBy(g => g.Key))
            {
                foreach (var batch in level.Chunk(OrganisationBatch))
                {
                    await InsertOrganisationsAsync(db, batch, ct);
                    done += batch.Length;
                    progress?.Report((done, total));
                }
            }
            foreach (var batch in drafts.Chunk(InnovationBatch))
            {
                await InsertInnovationsAsync(db, batch, ct);
                done += batch.Length;
                progress?.Report((done, total));
            }
            await AddPastAwardsAsync(db, ct);
            await AddOpenEditionAsync(db, ct);
            if (tx is not null) await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return new DemoSummary(tree.Units.Count, drafts.Count, AlreadyPresent: false);
    }

    private static async Task InsertOrganisationsAsync(KovablikDbContext db, DemoUnit[] batch, CancellationToken ct)
    {
        foreach (var unit in batch)
        {
            unit.Org.ParentId = unit.Parent.Id;
            unit.Org.Depth = unit.Parent.Depth + 1;
        }
        db.Organisations.AddRange(batch.Select(u => u.Org));
        await db.SaveChangesAsync(ct);
        foreach (var unit in batch) unit.Org.Path = $"{unit.Parent.Path}{unit.Org.Id}/";
        await db.SaveChangesAsync(ct);
        // Keep the tracker small: change detection on every save is linear in what it tracks.
        db.ChangeTracker.Clear();
    }

    private static async Task InsertInnovationsAsync(KovablikDbContext db, DemoInnovationDraft[] batch, CancellationToken ct)
    {
        // Tracked taxonomy rows make EF write only the join rows; untracked copies would be inserted again.
        var categories = await db.Categories.ToDictionaryAsync(c => c.Id, ct);
        var sdgs = await db.SdgGoals.ToDictionaryAsync(s => s.Id, ct);
        var groups = await db.TargetGroups.ToDictionaryAsync(t => t.Id, ct);
        foreach (var draft in batch)
        {
            var i = draft.Innovation;
            i.OrganisationId = draft.Owner.Org.Id;
            i.Categories = [.. draft.CategoryIds.Select(id => categories[id])];
            i.SdgGoals = [.. draft.SdgIds.Select(id => sdgs[id])];
            i.TargetGroups = [.. draft.TargetGroupIds.Select(id => groups[id])];
        }
        db.Innovations.AddRange(batch.Select(d => d.Innovation));
        await db.SaveChangesAsync(ct);
        db.InnovationVersions.AddRange(batch.Select(d => new InnovationVersion
        {
            InnovationId = d.Innovation.Id,
            VersionNumber = 1,
            At = d.VersionAt,
            UserName = "demo",
            ChangesJson = "[]",
            Summary = "Data demo dimuat",
        }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Fixed shares rather than independent draws, so the registry always looks the same: mostly published, some drafts, a few archived.</summary>
    private static InnovationStatus[] Statuses(Random rng, int count)
    {
        var drafts = count * 11 / 100;
        var archived = count * 4 / 100;
        var statuses = Enumerable.Repeat(InnovationStatus.Published, count - drafts - archived)
            .Concat(Enumerable.Repeat(InnovationStatus.Draft, drafts))
            .Concat(Enumerable.Repeat(InnovationStatus.Archived, archived))
            .ToArray();
        rng.Shuffle(statuses);
        return statuses;
    }

    /// <summary>Kecamatan per regency code, from the embedded Kemendagri subset for the host province (if shipped).</summary>
    private static Dictionary<string, List<(string Code, string Name)>> LoadDistricts(string provinceCode)
    {
        IEnumerable<(string Code, string Name, string? Parent)> rows;
        try
        {
            rows = ReferenceData.ReadCsv($"districts-{provinceCode}.csv");
        }
        catch (InvalidOperationException)
        {
            return [];
        }
        return rows.Where(r => r.Parent is not null)
            .GroupBy(r => r.Parent!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => (r.Code, CleanCsvName(r.Name))).ToList(), StringComparer.Ordinal);
    }

    // ReadCsv splits on commas without unquoting; the source quotes one name (Ra'as, Sumenep) as "Ra""as".
    private static string CleanCsvName(string name) => name.Trim().Trim('"').Replace("\"\"", "'", StringComparison.Ordinal);

    /// <summary>
    /// Past KIPP/KOVABLIK awards for one in 25 published demo innovations, so the award filter, the winners' badges and
    /// the Umum/Khusus eligibility rule have something to show. Marked "Data demo" as their source.
    /// </summary>
    private static async Task AddPastAwardsAsync(KovablikDbContext db, CancellationToken ct)
    {
        var ids = await db.Innovations.AsNoTracking().Where(i => i.IsDemo && i.Status == Innovations.InnovationStatus.Published)
            .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
        var lastYear = Wib.Today(db.Time).Year - 1;
        (string Competition, string Title, Competitions.Validation.AwardTier Tier)[] kinds =
        [
            ("KOVABLIK", "Top 30", Competitions.Validation.AwardTier.Top),
            ("KIPP", "Top 99", Competitions.Validation.AwardTier.Finalist),
            ("KOVABLIK", "Top Inovasi Terpuji", Competitions.Validation.AwardTier.Top),
            ("KIPP", "Top 45", Competitions.Validation.AwardTier.Top),
        ];
        var now = db.Time.GetUtcNow();
        for (var n = 0; n * 25 < ids.Count; n++)
        {
            var kind = kinds[n % kinds.Length];
            db.InnovationAwards.Add(new Competitions.Awards.InnovationAward
            {
                InnovationId = ids[n * 25], Year = lastYear - (n % 6), Competition = kind.Competition, Title = kind.Title, Tier = kind.Tier,
                Source = "Data demo", RecordedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A published edition whose registration is open now (closing at midday WIB in 30 days), so someone trying the
    /// demo can write and submit a proposal straight away. Skipped when any edition exists.
    /// </summary>
    private static async Task AddOpenEditionAsync(KovablikDbContext db, CancellationToken ct)
    {
        if (await db.Editions.AnyAsync(ct)) return;
        var today = Platform.Wib.Today(db.Time);
        static DateTimeOffset Wib(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(7)).ToUniversalTime();
        var edition = Competitions.EditionDefaults.Create(today.Year + 1, db.Time);
        edition.Name = $"KOVABLIK {today.Year + 1} (demo)";
        edition.Slug = Competitions.EditionService.Slugify(edition.Name);
        edition.Description = "Edisi demo untuk mencoba alur pendaftaran proposal. Bukan kompetisi sungguhan.";
        edition.RegistrationOpensAt = Wib(today.AddDays(-7), 8);
        edition.RegistrationClosesAt = Wib(today.AddDays(30), 12);
        for (var i = 0; i < edition.Stages.Count; i++)
        {
            edition.Stages[i].StartsAt = Wib(today.AddDays(31 + (i * 14)), 8);
            edition.Stages[i].EndsAt = Wib(today.AddDays(31 + (i * 14) + 12), 16);
        }
        edition.Categories = await db.Categories.ToListAsync(ct);
        edition.Status = Competitions.EditionStatus.Published;
        edition.PublishedAt = db.Time.GetUtcNow();
        db.Editions.Add(edition);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A demo organisation waiting to be written, with what the innovation composer needs to know about it.</summary>
internal sealed class DemoUnit
{
    public required Organisation Org { get; init; }

    /// <summary>An existing organisation or another unit of the plan; its Id and Path are set before this one is written.</summary>
    public required Organisation Parent { get; init; }

    /// <summary>1 for children of existing organisations, 2 for their children, and so on.</summary>
    public required int Generation { get; init; }

    public required DemoTheme Theme { get; init; }
    public required DemoPlace Place { get; init; }

    /// <summary>Relative chance of owning an innovation: offices innovate more than single service points.</summary>
    public required double InnovationWeight { get; init; }
}

/// <summary>The area a unit serves: the province or one kabupaten/kota with its kecamatan.</summary>
internal sealed record DemoPlace(string Name, string ShortName, string RegionCode, bool IsProvince, IReadOnlyList<string> Kecamatan);

/// <summary>Builds the demo organisation tree in memory, in insertion order.</summary>
internal sealed class DemoTree(Random rng, HashSet<string> usedCodes)
{
    private const double OfficeWeight = 2, ProvincialOfficeWeight = 3, UptWeight = 1, BumdWeight = 1, ServicePointWeight = 0.3;
    private static readonly string[] FallbackKecamatan = ["Kota", "Utara", "Selatan", "Timur", "Barat"];

    public List<DemoUnit> Units { get; } = [];

    public void AddProvince(Organisation root, string code, string provinceName)
    {
        var place = new DemoPlace($"Provinsi {provinceName}", provinceName, code, IsProvince: true, []);
        var pdNo = 0;
        foreach (var spec in DemoNames.ProvincialUnits)
        {
            var pdCode = $"{code}.PD.{++pdNo:D3}";
            var pd = Add(root, 1, pdCode, spec.Name.Replace("{prov}", provinceName, StringComparison.Ordinal), OrganisationType.PerangkatDaerah, spec.Theme, place, ProvincialOfficeWeight);
            var uptNo = 0;
            foreach (var upt in spec.Upts)
                Add(pd.Org, 2, $"{pdCode}.UPT.{++uptNo:D2}", upt, OrganisationType.Upt, spec.Theme, place, UptWeight);
            if (!spec.HasSchoolBranches) continue;

            // Since 2017 SMA/SMK belong to the province and are run through its Cabang Dinas Pendidikan.
            foreach (var (region, town) in DemoNames.SchoolBranches)
            {
                var branchCode = $"{pdCode}.UPT.{++uptNo:D2}";
                var branch = Add(pd.Org, 2, branchCode, $"Cabang Dinas Pendidikan Wilayah {region}", OrganisationType.Upt, spec.Theme, place, UptWeight);
                var schoolNo = 0;
                var sma = rng.Next(2, 5);
                for (var n = 1; n <= sma; n++)
                    Add(branch.Org, 3, $"{branchCode}.UPP.{++schoolNo:D2}", $"SMA Negeri {n} {town}", OrganisationType.Upp, spec.Theme, place, ServicePointWeight);
                var smk = rng.Next(1, 4);
                for (var n = 1; n <= smk; n++)
                    Add(branch.Org, 3, $"{branchCode}.UPP.{++schoolNo:D2}", $"SMK Negeri {n} {town}", OrganisationType.Upp, spec.Theme, place, ServicePointWeight);
            }
        }
        var bumdNo = 0;
        foreach (var (name, theme) in DemoNames.ProvincialBumd)
            Add(root, 1, $"{code}.BUMD.{++bumdNo:D2}", name, OrganisationType.Bumd, theme, place, BumdWeight);
    }

    public void AddRegency(Organisation regency, string regionName, List<(string Code, string Name)> kecamatan)
    {
        var code = regency.RegionCode!;
        var isKota = regionName.StartsWith("Kota ", StringComparison.Ordinal);
        var shortName = isKota ? regionName["Kota ".Length..] : regionName.Replace("Kabupaten ", "", StringComparison.Ordinal);
        if (kecamatan.Count == 0)
        {
            // No kecamatan list shipped for this province: make up neutral ones rather than leave the regency bare.
            kecamatan = [.. FallbackKecamatan.Select((s, i) => ($"{code}.{i + 1:D2}", $"{shortName} {s}"))];
        }
        var place = new DemoPlace(regionName, shortName, code, IsProvince: false, [.. kecamatan.Select(k => k.Name)]);

        var extras = DemoNames.ExtraLocalUnits.ToArray();
        rng.Shuffle(extras);
        var units = DemoNames.CoreLocalUnits.Concat(extras.Take(rng.Next(2, 4)));
        var pdNo = 0;
        foreach (var spec in units)
        {
            var pdCode = $"{code}.PD.{++pdNo:D2}";
            var pd = Add(regency, 1, pdCode, $"{spec.Name} {regionName}", OrganisationType.PerangkatDaerah, spec.Theme, place, OfficeWeight);
            var uppNo = 0;
            void ServicePoint(string name) =>
                Add(pd.Org, 2, $"{pdCode}.UPP.{++uppNo:D3}", name, OrganisationType.Upp, spec.Theme, place, ServicePointWeight);

            if (spec.Theme == DemoNames.Kesehatan)
            {
                ServicePoint($"RSUD {regionName}");
                // A kota has few kecamatan and a puskesmas in each; a kabupaten shows a sample.
                foreach (var (_, name) in kecamatan.Where(_ => isKota || rng.NextDouble() < 0.62))
                    ServicePoint($"Puskesmas {name}");
            }
            else if (spec.Theme == DemoNames.Pendidikan)
            {
                var count = rng.Next(3, 6);
                if (isKota)
                {
                    for (var n = 1; n <= count; n++) ServicePoint($"SMP Negeri {n} {shortName}");
                }
                else
                {
                    var towns = kecamatan.Select(k => k.Name).ToArray();
                    rng.Shuffle(towns);
                    foreach (var town in towns.Take(count)) ServicePoint($"SMP Negeri 1 {town}");
                }
            }
            else if (spec.Theme == DemoNames.Perizinan && rng.NextDouble() < 0.9)
            {
                ServicePoint($"Mal Pelayanan Publik {regionName}");
            }
        }

        foreach (var (kecCode, name) in kecamatan.Where(_ => rng.NextDouble() < 0.4))
        {
            var suffix = kecCode[(kecCode.LastIndexOf('.') + 1)..];
            Add(regency, 1, $"{code}.KEC.{suffix}", $"Kantor Kecamatan {name}", OrganisationType.Upp, DemoNames.Adminduk, place, ServicePointWeight);
        }

        var bumdNo = 0;
        if (rng.NextDouble() < 0.7)
            Add(regency, 1, $"{code}.BUMD.{++bumdNo:D2}", $"Perumda Air Minum {regionName}", OrganisationType.Bumd, DemoNames.Lingkungan, place, BumdWeight);
        if (rng.NextDouble() < 0.25)
            Add(regency, 1, $"{code}.BUMD.{++bumdNo:D2}", $"Perumda BPR Bank Daerah {regionName}", OrganisationType.Bumd, DemoNames.Ekonomi, place, BumdWeight);
    }

    /// <summary>Draws innovation owners with replacement, weighted, so big offices often hold several.</summary>
    public IEnumerable<DemoUnit> PickInnovationOwners(int count)
    {
        var cumulative = new double[Units.Count];
        var sum = 0.0;
        for (var i = 0; i < Units.Count; i++) cumulative[i] = sum += Units[i].InnovationWeight;
        for (var n = 0; n < count; n++)
        {
            var index = Array.BinarySearch(cumulative, rng.NextDouble() * sum);
            yield return Units[index < 0 ? ~index : index];
        }
    }

    private DemoUnit Add(Organisation parent, int generation, string code, string name, OrganisationType type, DemoTheme theme, DemoPlace place, double weight)
    {
        // A real unit may already use the code; the demo unit then simply goes without one.
        string? finalCode = usedCodes.Add(code) ? code : null;
        var unit = new DemoUnit
        {
            Org = new Organisation
            {
                Code = finalCode,
                Name = name,
                Type = type,
                IsActive = true,
                IsDemo = true,
                SearchText = OrganisationService.MakeSearchText(finalCode, name),
            },
            Parent = parent,
            Generation = generation,
            Theme = theme,
            Place = place,
            InnovationWeight = weight,
        };
        Units.Add(unit);
        return unit;
    }
}
