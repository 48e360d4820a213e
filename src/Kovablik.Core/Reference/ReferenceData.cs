using System.Reflection;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Reference;

/// <summary>
/// Loads the reference data every installation needs: Kemendagri regions (ODbL, see Reference/Data/README.md),
/// roles, KIPP categories, SDGs, target groups and the host province with its kabupaten/kota.
/// Idempotent: running it again adds only what is missing.
/// </summary>
public static class ReferenceData
{
    public const string DefaultHostProvince = "35";

    public static async Task SeedAsync(KovablikDbContext db, string hostProvinceCode = DefaultHostProvince, CancellationToken ct = default)
    {
        await SeedRegionsAsync(db, ct);
        await SeedRolesAsync(db, ct);
        await SeedTaxonomyAsync(db, ct);
        await SeedHostProvinceAsync(db, hostProvinceCode, ct);
    }

    public static IEnumerable<(string Code, string Name, string? Parent)> ReadCsv(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Kovablik.Reference.Data.{file}")
            ?? throw new InvalidOperationException($"Embedded reference file {file} is missing.");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header
        var rows = new List<(string, string, string?)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var parts = line.Split(',');
            rows.Add(parts.Length == 2 ? (parts[0], parts[1], null) : (parts[0], parts[2], parts[1]));
        }
        return rows;
    }

    private static async Task SeedRegionsAsync(KovablikDbContext db, CancellationToken ct)
    {
        var existing = (await db.Regions.Select(r => r.Code).ToListAsync(ct)).ToHashSet();
        foreach (var (code, name, _) in ReadCsv("provinces.csv").Where(r => !existing.Contains(r.Code)))
            db.Regions.Add(new Region { Code = code, Name = name, Level = RegionLevel.Provinsi });
        foreach (var (code, name, parent) in ReadCsv("regencies.csv").Where(r => !existing.Contains(r.Code)))
            db.Regions.Add(new Region { Code = code, Name = name, Level = RegionLevel.KabupatenKota, ParentCode = parent });
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedRolesAsync(KovablikDbContext db, CancellationToken ct)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var role in Roles.All.Append(Roles.Pengunjung).Except(existing))
            db.Roles.Add(new IdentityRole(role!) { NormalizedName = role!.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        await db.SaveChangesAsync(ct);
    }

    public static readonly string[] Categories =
    [
        "Pelayanan Publik yang Inklusif dan Berkeadilan",
        "Tata Kelola Pemerintahan yang Efektif",
        "Pelayanan Kesehatan",
        "Pendidikan dan Kebudayaan",
        "Perizinan dan Investasi",
        "Kependudukan dan Pencatatan Sipil",
        "Pemberdayaan Ekonomi dan UMKM",
        "Pertanian, Perikanan dan Ketahanan Pangan",
        "Lingkungan Hidup dan Ketangguhan Bencana",
        "Transformasi Digital Pemerintahan",
    ];

    public static readonly string[] Sdgs =
    [
        "Tanpa Kemiskinan", "Tanpa Kelaparan", "Kehidupan Sehat dan Sejahtera", "Pendidikan Berkualitas",
        "Kesetaraan Gender", "Air Bersih dan Sanitasi Layak", "Energi Bersih dan Terjangkau",
        "Pekerjaan Layak dan Pertumbuhan Ekonomi", "Industri, Inovasi dan Infrastruktur", "Berkurangnya Kesenjangan",
        "Kota dan Permukiman yang Berkelanjutan", "Konsumsi dan Produksi yang Bertanggung Jawab",
        "Penanganan Perubahan Iklim", "Ekosistem Lautan", "Ekosistem Daratan",
        "Perdamaian, Keadilan dan Kelembagaan yang Tangguh", "Kemitraan untuk Mencapai Tujuan",
    ];

    public static readonly (string Name, bool Vulnerable)[] TargetGroups =
    [
        ("Masyarakat umum", false), ("Pelaku usaha dan UMKM", false), ("Petani dan nelayan", false),
        ("Pelajar dan mahasiswa", false), ("Aparatur sipil negara", false),
        ("Perempuan", true), ("Anak", true), ("Lanjut usia", true), ("Penyandang disabilitas", true),
        ("Masyarakat miskin", true), ("Masyarakat daerah terpencil", true),
    ];

    private static async Task SeedTaxonomyAsync(KovablikDbContext db, CancellationToken ct)
    {
        if (!await db.Categories.AnyAsync(ct))
            db.Categories.AddRange(Categories.Select(n => new Category { Name = n }));
        if (!await db.SdgGoals.AnyAsync(ct))
            db.SdgGoals.AddRange(Sdgs.Select((n, i) => new SdgGoal { Id = i + 1, Name = n }));
        if (!await db.TargetGroups.AnyAsync(ct))
            db.TargetGroups.AddRange(TargetGroups.Select(t => new TargetGroup { Name = t.Name, IsVulnerable = t.Vulnerable }));
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedHostProvinceAsync(KovablikDbContext db, string provinceCode, CancellationToken ct)
    {
        var province = await db.Regions.FirstOrDefaultAsync(r => r.Code == provinceCode && r.Level == RegionLevel.Provinsi, ct)
            ?? throw new InvalidOperationException($"Host province code '{provinceCode}' is not a Kemendagri province code.");
        var service = new OrganisationService(db);
        var root = await db.Organisations.FirstOrDefaultAsync(o => o.Code == provinceCode, ct);
        if (root is null)
        {
            var created = await service.CreateAsync(new OrganisationInput(provinceCode, $"Pemerintah Provinsi {province.Name}", OrganisationType.Provinsi, null, provinceCode), ct);
            root = created.Value!;
        }
        var regencies = await db.Regions.Where(r => r.ParentCode == provinceCode).OrderBy(r => r.Code).ToListAsync(ct);
        var existing = (await db.Organisations.Where(o => o.Code != null && o.Code.StartsWith(provinceCode + ".")).Select(o => o.Code!).ToListAsync(ct)).ToHashSet();
        foreach (var r in regencies.Where(r => !existing.Contains(r.Code)))
            await service.CreateAsync(new OrganisationInput(r.Code, $"Pemerintah {r.Name}", OrganisationType.KabupatenKota, root.Id, r.Code), ct);
    }
}
