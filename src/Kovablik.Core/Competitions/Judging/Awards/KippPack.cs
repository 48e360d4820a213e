using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kovablik.Competitions.Proposals;
using Kovablik.Competitions.Proposals.Pack;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Platform.Files;
using Kovablik.Platform.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Judging.Awards;

/// <summary>A KIPP proposal field and the section keys of our forms whose text goes into it.</summary>
public sealed record KippField(string Name, IReadOnlyList<string> Keys);

public sealed record KippPackFile(string FileName, byte[] Zip);

/// <summary>
/// The nomination upward (issue 4 §8): selected winners as a ZIP with, per innovation, its proposal laid out in the
/// KIPP fields (domain.md §1c) as text and PDF, its documents and certificate, and one manifest.json listing
/// innovations, organisations, awards and every file with its SHA-256 (schema: docs/kipp-nomination-pack.md).
/// </summary>
public sealed class KippPack(KovablikDbContext db, IFileStore files)
{
    public const int FormatVersion = 1;

    /// <summary>KIPP Kelompok Umum (and the base of Replikasi): the eight aspects, keyed like our default form.</summary>
    public static readonly IReadOnlyList<KippField> Umum =
    [
        new("Ringkasan", ["Ringkasan"]),
        new("Latar Belakang dan Tujuan", ["LatarBelakang"]),
        new("Kebaruan/Nilai Tambah", ["Kebaruan"]),
        new("Implementasi Inovasi", ["Implementasi"]),
        new("Signifikansi", ["Signifikansi"]),
        new("Adaptabilitas", ["Adaptabilitas"]),
        new("Sumber Daya", ["SumberDaya"]),
        new("Strategi Keberlanjutan", ["StrategiKeberlanjutan"]),
    ];

    public static readonly IReadOnlyList<KippField> Replikasi =
    [
        .. Umum,
        new("Inspirasi", ["Inspirasi"]),
        new("Proses Replikasi", ["ProsesReplikasi"]),
        new("Faktor Pembeda", ["FaktorPembeda"]),
    ];

    public static readonly IReadOnlyList<KippField> Khusus =
    [
        new("Ringkasan", ["Ringkasan"]),
        new("Deskripsi Inovasi Awal", ["DeskripsiAwal"]),
        new("Pembaruan/Peningkatan Inovasi", ["Pembaruan"]),
        new("Dampak", ["Dampak"]),
        new("Adaptabilitas", ["Adaptabilitas"]),
        new("Penguatan Sumber Daya", ["PenguatanSumberDaya"]),
        new("Strategi Penguatan Keberlanjutan", ["StrategiPenguatan"]),
    ];

    /// <summary>Our sections not among KIPP's aspects (SDG contribution, collaboration, an organiser's own) go under this heading, so nothing is dropped.</summary>
    public const string OtherFields = "Informasi Tambahan (di luar isian KIPP)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IReadOnlyList<KippField> FieldsFor(string groupCode) => groupCode.ToUpperInvariant() switch
    {
        "KHUSUS" => Khusus,
        "REPLIKASI" => Replikasi,
        _ => Umum,
    };

    /// <summary>The KIPP fields filled from a proposal, then our other sections under <see cref="OtherFields"/> with their own titles.</summary>
    public static List<(string Field, string Text)> Layout(Proposal p, IReadOnlyList<FormRule> rules)
    {
        var fields = FieldsFor(p.GroupCode);
        var used = fields.SelectMany(f => f.Keys).ToHashSet(StringComparer.Ordinal);
        var result = fields.Select(f => (f.Name, string.Join("\n\n", f.Keys.Select(p.Section).Where(t => t.Trim().Length > 0)))).ToList();
        var titles = rules.ToDictionary(r => r.Key, r => r.Title, StringComparer.Ordinal);
        foreach (var s in p.Sections.Where(s => !used.Contains(s.Key) && s.Text.Trim().Length > 0))
            result.Add((OtherFields + ": " + titles.GetValueOrDefault(s.Key, s.Key), s.Text));
        return result;
    }

    public async Task<Result<KippPackFile>> BuildAsync(int editionId, IReadOnlyCollection<int>? grantIds, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return Result<KippPackFile>.NotFound();
        var query = db.EditionAwardGrants.AsNoTracking().Where(g => g.EditionId == editionId);
        if (grantIds is { Count: > 0 }) query = query.Where(g => grantIds.Contains(g.Id));
        var grants = await (from g in query
                            join t in db.EditionAwardTiers.AsNoTracking() on g.TierId equals t.Id
                            join a in db.InnovationAwards.AsNoTracking() on g.InnovationAwardId equals a.Id
                            select new { g.Id, g.ProposalId, g.Rank, g.Reason, t.Title, t.Tier, t.Order, a.Year, a.Competition, a.Source, AwardId = a.Id }).ToListAsync(ct);
        if (grants.Count == 0) return Result<KippPackFile>.Invalid("GrantIds", "Pilih minimal satu pemenang yang penghargaannya sudah ditetapkan.");
        if (grantIds is { Count: > 0 } && grants.Count != grantIds.Distinct().Count())
            return Result<KippPackFile>.Invalid("GrantIds", "Sebagian pilihan bukan penghargaan yang ditetapkan pada edisi ini.");

        var proposalIds = grants.Select(g => g.ProposalId).Distinct().ToList();
        var proposals = await db.Proposals.AsNoTracking().Include(p => p.Organisation).Where(p => proposalIds.Contains(p.Id)).ToListAsync(ct);
        var innovationIds = proposals.Select(p => p.InnovationId).ToList();
        var innovations = await db.Innovations.AsNoTracking().Where(i => innovationIds.Contains(i.Id)).Select(i => new { i.Id, i.Name }).ToDictionaryAsync(i => i.Id, ct);
        var documents = await db.ProposalDocuments.AsNoTracking().Where(d => proposalIds.Contains(d.ProposalId)).ToListAsync(ct);
        var links = await db.ProposalLinks.AsNoTracking().Where(l => proposalIds.Contains(l.ProposalId)).ToListAsync(ct);
        var awardIds = grants.Select(g => g.AwardId).ToList();
        var certificates = await db.Certificates.AsNoTracking().Where(c => awardIds.Contains(c.InnovationAwardId) && c.RevokedAt == null).ToListAsync(ct);
        var now = Wib.ToWib(db.Time.GetUtcNow());

        using var output = new MemoryStream();
        var entries = new List<object>();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var n = 0;
            // Best award first: the order a nomination letter lists them in.
            foreach (var p in proposals.OrderBy(p => grants.Where(g => g.ProposalId == p.Id).Min(g => g.Order)).ThenBy(p => grants.Where(g => g.ProposalId == p.Id).Min(g => g.Rank ?? int.MaxValue)).ThenBy(p => p.Id))
            {
                var folder = (++n).ToString("D2", CultureInfo.InvariantCulture) + "-" + Slug(innovations.GetValueOrDefault(p.InnovationId)?.Name ?? p.Title) + "/";
                var fileList = new List<object>();
                void Add(string path, byte[] bytes)
                {
                    var entry = zip.CreateEntry(folder + path, CompressionLevel.Optimal);
                    entry.LastWriteTime = now;
                    using (var s = entry.Open()) s.Write(bytes);
                    fileList.Add(new { path = folder + path, sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), size = bytes.LongLength });
                }
                var group = edition.Group(p.GroupCode);
                var layout = Layout(p, group?.Sections ?? []);
                var innovationName = innovations.GetValueOrDefault(p.InnovationId)?.Name ?? p.Title;
                var awards = grants.Where(g => g.ProposalId == p.Id).OrderBy(g => g.Order).ToList();
                Add("proposal.md", Encoding.UTF8.GetBytes(Markdown(p, innovationName, edition.Name, group?.Name ?? p.GroupCode, layout, awards.Select(a => a.Title).ToList(), links)));
                Add("proposal.pdf", Pdf(p, innovationName, edition.Name, group?.Name ?? p.GroupCode, layout, awards.Select(a => a.Title).ToList(), links));
                foreach (var (path, document) in ProposalPackService.DocumentPaths(documents.Where(d => d.ProposalId == p.Id)))
                {
                    await using var stream = await files.OpenAsync(document.StorageKey, ct);
                    if (stream is null) continue;
                    using var copy = new MemoryStream();
                    await stream.CopyToAsync(copy, ct);
                    Add(path, copy.ToArray());
                }
                foreach (var c in certificates.Where(c => awards.Exists(a => a.AwardId == c.InnovationAwardId)))
                {
                    await using var stream = await files.OpenAsync(c.StorageKey, ct);
                    if (stream is null) continue;
                    using var copy = new MemoryStream();
                    await stream.CopyToAsync(copy, ct);
                    Add("sertifikat/" + Slug(c.AwardTitle) + "-" + c.Code + ".pdf", copy.ToArray());
                }
                entries.Add(new
                {
                    folder,
                    proposalId = p.Id,
                    innovationId = p.InnovationId,
                    innovationName,
                    proposalTitle = p.Title,
                    group = p.GroupCode,
                    organisation = new { id = p.OrganisationId, name = p.Organisation.Name },
                    awards = awards.Select(a => new { title = a.Title, tier = a.Tier.ToString().ToLowerInvariant(), a.Year, competition = a.Competition, rank = a.Rank, reason = a.Reason, source = a.Source }),
                    kippFields = layout.Select(f => new { field = f.Field, words = IndonesianWordCount(f.Text) }),
                    links = links.Where(l => l.ProposalId == p.Id).Select(l => new { kind = l.Kind.ToString(), label = l.Label, url = l.Url }),
                    files = fileList,
                });
            }
            var manifest = JsonSerializer.SerializeToUtf8Bytes(new
            {
                formatVersion = FormatVersion,
                edition = new { id = edition.Id, name = edition.Name, year = edition.Year },
                exportedAt = now,
                innovations = entries,
            }, Json);
            var m = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
            m.LastWriteTime = now;
            using (var s = m.Open()) s.Write(manifest);
        }
        return Result<KippPackFile>.Ok(new KippPackFile($"nominasi-kipp-{edition.Slug}.zip", output.ToArray()));
    }

    private static int IndonesianWordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Markdown(Proposal p, string innovationName, string editionName, string groupName, List<(string Field, string Text)> layout,
        List<string> awards, List<ProposalLink> links)
    {
        var b = new StringBuilder();
        b.Append("# ").Append(innovationName).Append('\n').Append('\n');
        b.Append("- Judul proposal: ").Append(p.Title).Append('\n');
        b.Append("- Instansi/unit: ").Append(p.Organisation.Name).Append('\n');
        b.Append("- Edisi: ").Append(editionName).Append(" · ").Append(groupName).Append('\n');
        b.Append("- Penghargaan: ").Append(string.Join("; ", awards)).Append('\n');
        foreach (var l in links.Where(l => l.ProposalId == p.Id)) b.Append("- Tautan (").Append(l.Label ?? l.Kind.ToString()).Append("): ").Append(l.Url).Append('\n');
        foreach (var (field, text) in layout)
        {
            b.Append('\n').Append("## ").Append(field).Append('\n').Append('\n');
            b.Append(text.Trim().Length == 0 ? "(tidak diisi)" : text.Trim()).Append('\n');
        }
        return b.ToString();
    }

    private static byte[] Pdf(Proposal p, string innovationName, string editionName, string groupName, List<(string Field, string Text)> layout,
        List<string> awards, List<ProposalLink> links)
    {
        using var pdf = new PdfTextWriter(innovationName);
        pdf.Title(innovationName);
        pdf.Paragraph(p.Organisation.Name);
        pdf.Paragraph(editionName + " · " + groupName);
        pdf.Paragraph("Penghargaan: " + string.Join("; ", awards));
        foreach (var l in links.Where(l => l.ProposalId == p.Id)) pdf.Note((l.Label ?? l.Kind.ToString()) + ": " + l.Url);
        foreach (var (field, text) in layout)
        {
            pdf.Heading(field);
            pdf.Paragraph(text.Trim().Length == 0 ? "(tidak diisi)" : text);
        }
        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }

    private static string Slug(string text)
    {
        var slug = EditionService.Slugify(text);
        return slug.Length > 60 ? slug[..60].Trim('-') : slug.Length == 0 ? "inovasi" : slug;
    }
}
