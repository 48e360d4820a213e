using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Platform;
using Kovablik.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Proposals.Pack;

/// <summary>
/// The offline path: a proposal exported as a ZIP (proposal.xlsx to type in, proposal.pdf to read, the evidence
/// documents, manifest.json) and imported back as a per-field comparison with the online state. The workbook keeps
/// each field's exported text in a hidden column, so a field changed online since the export and also in the pack
/// is a conflict rather than a silent overwrite. Applying goes through <see cref="ProposalService.SaveDraftAsync"/>,
/// so limits, the deadline, the editable status and optimistic concurrency are the same as typing online.
/// </summary>
public sealed class ProposalPackService(KovablikDbContext db, ProposalService proposals, IFileStore files)
{
    public const string EmptyTitleMessage = "Judul tidak boleh kosong.";
    public const string TitleTooLongMessage = "Judul maksimal 200 karakter.";
    public const string ChangedOnlineWarning = "Proposal telah diubah daring setelah paket ini diunduh. Bagian yang hanya diubah daring dipertahankan; bagian yang diubah di kedua tempat ditandai konflik.";
    public const string NotEditableWarning = "Proposal ini sedang tidak dapat diubah, sehingga perubahan dari paket tidak dapat diterapkan.";

    private const int ExcerptLength = 160;

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<Result<PackExport>> ExportAsync(int proposalId, OrganisationScope scope, CancellationToken ct = default)
    {
        var found = await proposals.GetAsync(proposalId, scope, ct);
        if (!found.Succeeded) return Result<PackExport>.NotFound();
        var p = found.Value!;
        var source = await SourceAsync(p, ct);
        var workbook = PackWriter.Workbook(source);
        var pdf = PackWriter.Pdf(source);
        var documents = await db.ProposalDocuments.AsNoTracking().Where(d => d.ProposalId == p.Id).ToListAsync(ct);

        using var output = new MemoryStream();
        var manifest = new List<object>();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, byte[] bytes)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = source.ExportedAtWib;
                using (var s = entry.Open()) s.Write(bytes);
                manifest.Add(new { path, sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), size = bytes.LongLength });
            }
            Add(ProposalPack.WorkbookEntry, workbook);
            Add(ProposalPack.PdfEntry, pdf);
            foreach (var (path, document) in DocumentPaths(documents))
            {
                await using var stream = await files.OpenAsync(document.StorageKey, ct);
                // A stored file that has gone missing is left out; the online page shows the slot as it is.
                if (stream is null) continue;
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, ct);
                Add(path, copy.ToArray());
            }
            var json = JsonSerializer.SerializeToUtf8Bytes(new
            {
                formatVersion = ProposalPack.FormatVersion,
                proposalId = p.Id,
                version = p.Version,
                exportedAt = source.ExportedAtWib,
                files = manifest,
            }, ManifestJson);
            var entry = zip.CreateEntry(ProposalPack.ManifestEntry, CompressionLevel.Optimal);
            entry.LastWriteTime = source.ExportedAtWib;
            using (var s = entry.Open()) s.Write(json);
        }
        return Result<PackExport>.Ok(new PackExport($"proposal-{p.Id}.zip", output.ToArray()));
    }

    /// <summary>Reads an uploaded pack and compares it (and applies it when <paramref name="apply"/> and nothing conflicts).</summary>
    public async Task<Result<PackDiff>> ImportAsync(int proposalId, Stream zip, OrganisationScope scope, bool apply,
        IReadOnlyDictionary<string, PackChoice>? choices = null, CancellationToken ct = default)
    {
        // Scope first: someone outside the unit learns nothing about the proposal from the pack's errors.
        var found = await proposals.GetAsync(proposalId, scope, ct);
        if (!found.Succeeded) return Result<PackDiff>.NotFound();
        var read = await PackReader.ReadAsync(zip, ct);
        if (!read.Succeeded) return Result<PackDiff>.Invalid(read.Errors);
        return await CompareAsync(proposalId, read.Value!, scope, apply, choices, ct);
    }

    /// <summary>
    /// Compares an already read pack; the page keeps what it read between showing the diff and applying it.
    /// <paramref name="choices"/> settle conflicts field by field (key → keep the pack's or the online text).
    /// </summary>
    public async Task<Result<PackDiff>> CompareAsync(int proposalId, PackContent pack, OrganisationScope scope, bool apply,
        IReadOnlyDictionary<string, PackChoice>? choices = null, CancellationToken ct = default)
    {
        var found = await proposals.GetAsync(proposalId, scope, ct);
        if (!found.Succeeded) return Result<PackDiff>.NotFound();
        var p = found.Value!;
        if (pack.ProposalId != p.Id) return Invalid(Message.Format("Paket ini milik proposal #{0}, bukan proposal #{1}. Unggah paket yang diunduh dari proposal ini.", pack.ProposalId, p.Id));
        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == p.EditionId, ct);
        var rules = edition.Group(p.GroupCode)?.Sections ?? [];
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var sdgs = await db.SdgGoals.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var categoryList = categories.Select(c => (c.Id, c.Name)).ToList();
        var sdgList = sdgs.Select(c => (c.Id, c.Name)).ToList();

        var diffs = new List<PackFieldDiff>();
        var input = new ProposalDraftInput { ExpectedVersion = p.Version, Sections = [] };
        foreach (var field in pack.Fields)
        {
            PackFieldDiff diff;
            Func<ProposalDraftInput, ProposalDraftInput> take;
            switch (field.Key)
            {
                case ProposalPack.KeyTitle:
                {
                    var title = field.Value.Trim();
                    if (title.Length == 0) return Invalid(EmptyTitleMessage);
                    if (title.Length > 200) return Invalid(TitleTooLongMessage);
                    diff = Text(field.Key, "Judul", p.Title, title, field.Base?.Trim(), pack.Version == p.Version);
                    take = i => i with { Title = title };
                    break;
                }
                case ProposalPack.KeyCategories or ProposalPack.KeySdgs:
                {
                    var isCategory = field.Key == ProposalPack.KeyCategories;
                    var known = isCategory ? categoryList : sdgList;
                    var ids = ParseIds(field.Value, known, out var bad);
                    if (ids is null) return Invalid(isCategory ? Message.Format("Kategori tidak dikenal: {0}. Tulis nomor ID dari lembar Referensi.", bad) : Message.Format("Tujuan SDG tidak dikenal: {0}. Tulis nomor ID dari lembar Referensi.", bad));
                    var baseIds = field.Base is null ? null : ParseIds(field.Base, known, out _);
                    var online = isCategory ? p.CategoryIds : p.SdgIds;
                    diff = Set(field.Key, isCategory ? "Kategori" : "SDG", online, ids, baseIds, known, pack.Version == p.Version);
                    take = i => isCategory ? i with { CategoryIds = ids } : i with { SdgIds = ids };
                    break;
                }
                default:
                {
                    var key = field.Key[ProposalPack.SectionPrefix.Length..];
                    var rule = rules.FirstOrDefault(r => r.Key == key);
                    if (rule is null) return Invalid(Message.Format("Bagian tidak dikenal pada formulir kelompok ini: {0}", key));
                    diff = Text(field.Key, rule.Title, PackReader.Normalise(p.Section(key)), field.Value, field.Base, pack.Version == p.Version);
                    var text = field.Value;
                    take = i =>
                    {
                        i.Sections[key] = text;
                        return i;
                    };
                    break;
                }
            }
            if (diff.Status == PackFieldStatus.Conflict && choices is not null && choices.TryGetValue(field.Key, out var choice))
                diff = diff with { Choice = choice };
            if (diff.Takes) input = take(input);
            diffs.Add(diff);
        }
        // Group form order, with the title and lists first, whatever order the rows had in the sheet.
        var order = new[] { ProposalPack.KeyTitle, ProposalPack.KeyCategories, ProposalPack.KeySdgs }
            .Concat(rules.Select(r => ProposalPack.SectionPrefix + r.Key)).ToList();
        diffs = diffs.OrderBy(d => order.IndexOf(d.Key)).ToList();

        var warnings = new List<string>();
        if (pack.Version != p.Version) warnings.Add(ChangedOnlineWarning);
        if (!p.IsEditable) warnings.Add(NotEditableWarning);
        var documents = await DocumentNotesAsync(p.Id, pack, ct);
        var result = new PackDiff(p.Id, pack.Version, p.Version, diffs, warnings, documents, false, null);
        if (!apply) return Result<PackDiff>.Ok(result);

        if (result.HasConflicts)
            return Result<PackDiff>.Conflict(Message.Format("Perubahan tidak diterapkan karena ada konflik pada: {0}. Bagian ini diubah daring dan di paket sejak paket diunduh. Pilih teks yang dipertahankan, lalu unggah lagi.",
                string.Join(", ", diffs.Where(d => d.Status == PackFieldStatus.Conflict && d.Choice is null).Select(d => d.Label))));
        if (result.ChangeCount == 0) return Result<PackDiff>.Ok(result);
        var saved = await proposals.SaveDraftAsync(p.Id, input, scope, ct);
        return saved.Kind switch
        {
            ResultKind.Ok => Result<PackDiff>.Ok(result with { Applied = true, AppliedVersion = saved.Value!.Version }),
            ResultKind.NotFound => Result<PackDiff>.NotFound(),
            ResultKind.Conflict => Result<PackDiff>.Conflict(saved.Errors.Values.SelectMany(v => v).FirstOrDefault() ?? ProposalService.StaleMessage),
            ResultKind.Forbidden => Result<PackDiff>.Forbidden(),
            _ => Result<PackDiff>.Invalid(saved.Errors),
        };
    }

    private static Result<PackDiff> Invalid(string message) => Result<PackDiff>.Invalid("file", message);

    private async Task<PackSource> SourceAsync(Proposal p, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == p.EditionId, ct);
        var group = edition.Group(p.GroupCode);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var sdgs = await db.SdgGoals.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var rules = group?.Sections.ToList() ?? [];
        // A section saved under a key the group no longer has still travels, so nothing typed is dropped from the PDF.
        return new PackSource(p, edition.Name, group?.Name ?? p.GroupCode, p.Organisation.Name, rules,
            categories.Select(c => (c.Id, c.Name)).ToList(), sdgs.Select(c => (c.Id, c.Name)).ToList(), Wib.ToWib(db.Time.GetUtcNow()));
    }

    /// <summary>dokumen/&lt;slot&gt;-&lt;original name&gt;, made safe for a ZIP entry and unique within the pack.</summary>
    internal static List<(string Path, ProposalDocument Document)> DocumentPaths(IEnumerable<ProposalDocument> documents)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<(string, ProposalDocument)>();
        foreach (var d in documents.OrderBy(d => d.SlotKey, StringComparer.Ordinal).ThenBy(d => d.UploadedAt).ThenBy(d => d.Id))
        {
            var name = SafeName(d.SlotKey) + "-" + SafeName(d.OriginalFileName);
            var path = ProposalPack.DocumentFolder + name;
            for (var n = 2; !used.Add(path); n++)
                path = ProposalPack.DocumentFolder + Path.GetFileNameWithoutExtension(name) + "-" + n.ToString(CultureInfo.InvariantCulture) + Path.GetExtension(name);
            result.Add((path, d));
        }
        return result;
    }

    private static string SafeName(string name)
    {
        var clean = new string(name.Select(c => char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c).ToArray()).Trim().Trim('.');
        if (clean.Length > 100) clean = clean[..100];
        return clean.Length == 0 ? "berkas" : clean;
    }

    private async Task<List<string>> DocumentNotesAsync(int proposalId, PackContent pack, CancellationToken ct)
    {
        if (pack.Documents.Count == 0) return [];
        var online = DocumentPaths(await db.ProposalDocuments.AsNoTracking().Where(d => d.ProposalId == proposalId).ToListAsync(ct))
            .ToDictionary(x => x.Path, x => x.Document.Sha256, StringComparer.Ordinal);
        var notes = new List<string>();
        foreach (var file in pack.Documents)
        {
            var name = file.Path[ProposalPack.DocumentFolder.Length..];
            if (!online.TryGetValue(file.Path, out var sha)) notes.Add(Message.Format("{0}: belum ada daring. Unggah berkas ini melalui halaman proposal.", name));
            else if (!string.Equals(sha, file.Sha256, StringComparison.OrdinalIgnoreCase)) notes.Add(Message.Format("{0}: berbeda dengan berkas daring. Unggah berkas ini melalui halaman proposal.", name));
        }
        return notes;
    }

    private static PackFieldStatus Status(bool packChanged, bool onlineChanged, bool sameNow) => (packChanged, onlineChanged) switch
    {
        (false, false) => PackFieldStatus.Unchanged,
        (true, false) => PackFieldStatus.ChangedInPack,
        (false, true) => PackFieldStatus.ChangedOnline,
        // The same edit made on both sides is no conflict.
        _ => sameNow ? PackFieldStatus.Unchanged : PackFieldStatus.Conflict,
    };

    /// <summary>Three-way when the exported text is known; otherwise the pack's version decides whether the online text moved.</summary>
    private static PackFieldDiff Text(string key, string label, string online, string pack, string? exported, bool sameVersion)
    {
        var status = exported is not null
            ? Status(pack != exported, online != exported, pack == online)
            : pack == online ? PackFieldStatus.Unchanged : sameVersion ? PackFieldStatus.ChangedInPack : PackFieldStatus.Conflict;
        var (a, b) = Excerpts(online, pack);
        return new PackFieldDiff(key, label, status, IndonesianWordCounter.Count(online), IndonesianWordCounter.Count(pack), a, b);
    }

    private static PackFieldDiff Set(string key, string label, List<int> online, List<int> pack, List<int>? exported, IReadOnlyList<(int Id, string Name)> known, bool sameVersion)
    {
        static bool Same(IEnumerable<int> x, IEnumerable<int> y) => x.Distinct().Order().SequenceEqual(y.Distinct().Order());
        var status = exported is not null
            ? Status(!Same(pack, exported), !Same(online, exported), Same(pack, online))
            : Same(pack, online) ? PackFieldStatus.Unchanged : sameVersion ? PackFieldStatus.ChangedInPack : PackFieldStatus.Conflict;
        string Names(List<int> ids) => string.Join("; ", known.Where(k => ids.Contains(k.Id)).Select(k => $"{k.Id}. {k.Name}"));
        return new PackFieldDiff(key, label, status, online.Distinct().Count(), pack.Distinct().Count(), Names(online), Names(pack));
    }

    /// <summary>
    /// IDs separated by commas ("3, 5"), or full names separated by semicolons or lines (SDG names themselves contain
    /// commas). Null with the offending token when one is unknown.
    /// </summary>
    internal static List<int>? ParseIds(string text, IReadOnlyList<(int Id, string Name)> known, out string? bad)
    {
        bad = null;
        var ids = new List<int>();
        foreach (var piece in text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var byName = known.FirstOrDefault(k => string.Equals(k.Name, piece, StringComparison.OrdinalIgnoreCase));
            if (byName.Name is not null)
            {
                ids.Add(byName.Id);
                continue;
            }
            foreach (var token in piece.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var match = int.TryParse(token.TrimEnd('.'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                    ? known.FirstOrDefault(k => k.Id == id)
                    : known.FirstOrDefault(k => string.Equals(k.Name, token, StringComparison.OrdinalIgnoreCase));
                if (match.Name is null)
                {
                    bad = token;
                    return null;
                }
                ids.Add(match.Id);
            }
        }
        return ids.Distinct().Order().ToList();
    }

    /// <summary>Both texts from a little before their first difference, so a reader sees what changed.</summary>
    internal static (string Online, string Pack) Excerpts(string online, string pack)
    {
        var i = 0;
        while (i < online.Length && i < pack.Length && online[i] == pack[i]) i++;
        var start = online == pack ? 0 : Math.Max(0, i - 40);
        return (Cut(online, start), Cut(pack, start));
    }

    private static string Cut(string text, int start)
    {
        if (start >= text.Length) start = Math.Max(0, text.Length - ExcerptLength);
        var length = Math.Min(ExcerptLength, text.Length - start);
        var piece = text.Substring(start, length).Replace('\n', ' ');
        return (start > 0 ? "…" : "") + piece + (start + length < text.Length ? "…" : "");
    }
}
