using System.Globalization;
using System.Text;
using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Awards;

public sealed record AwardInput(int? InnovationId, int? Year, string? Competition, string? Title, AwardTier? Tier, string? Source);

public sealed record AwardImportRowError(int RowNumber, string Message);

/// <summary>What an import did: every row is checked before anything is written, and one bad row writes nothing.</summary>
public sealed record AwardImportReport(bool Applied, int Added, int AlreadyKnown, IReadOnlyList<AwardImportRowError> Errors, string? FileError = null);

/// <summary>
/// The award register: past KIPP/KOVABLIK awards entered or imported by Panitia. It feeds the validator's group
/// eligibility rule (KELOMPOK_TIDAK_SESUAI), so an Umum proposal by an earlier Top winner is caught before submission.
/// </summary>
public sealed class AwardService(KovablikDbContext db)
{
    public const int MaxImportBytes = 2 * 1024 * 1024;
    public const int MaxImportRows = 20_000;

    /// <summary>
    /// Awards that count for eligibility in an edition: the innovation's awards up to the edition's year, except
    /// those the edition itself gave.
    /// </summary>
    public static IQueryable<InnovationAward> CountingFor(IQueryable<InnovationAward> awards, int editionId, int editionYear) =>
        awards.Where(a => a.Year <= editionYear && (a.EditionId == null || a.EditionId != editionId));

    public async Task<List<PastAward>> PastAwardsAsync(int innovationId, int editionId, int editionYear, CancellationToken ct = default) =>
        await CountingFor(db.InnovationAwards.AsNoTracking().Where(a => a.InnovationId == innovationId), editionId, editionYear)
            .Select(a => new PastAward(a.Year, a.Competition, a.Tier)).ToListAsync(ct);

    /// <summary>The same for many innovations at once (drafts board, exports).</summary>
    public static async Task<Dictionary<int, List<PastAward>>> PastAwardsAsync(KovablikDbContext db, IReadOnlyCollection<int> innovationIds,
        int editionId, int editionYear, CancellationToken ct = default)
    {
        var rows = await CountingFor(db.InnovationAwards.AsNoTracking().Where(a => innovationIds.Contains(a.InnovationId)), editionId, editionYear)
            .Select(a => new { a.InnovationId, a.Year, a.Competition, a.Tier }).ToListAsync(ct);
        return rows.GroupBy(r => r.InnovationId).ToDictionary(g => g.Key, g => g.Select(r => new PastAward(r.Year, r.Competition, r.Tier)).ToList());
    }

    public IQueryable<InnovationAward> List(int? innovationId = null, int? year = null, string? competition = null)
    {
        var q = db.InnovationAwards.AsNoTracking().Include(a => a.Innovation).ThenInclude(i => i.Organisation).AsQueryable();
        if (innovationId is int id) q = q.Where(a => a.InnovationId == id);
        if (year is int y) q = q.Where(a => a.Year == y);
        if (!string.IsNullOrWhiteSpace(competition))
        {
            var c = competition.Trim().ToUpperInvariant();
            q = q.Where(a => a.Competition == c);
        }
        return q.OrderByDescending(a => a.Year).ThenBy(a => a.Competition).ThenBy(a => a.Innovation.Name).ThenBy(a => a.Id);
    }

    public async Task<Result<InnovationAward>> AddAsync(AwardInput input, string? byUserId, CancellationToken ct = default)
    {
        var errors = new ErrorBag();
        var award = Check(input, errors);
        if (award is not null && !errors.Any)
        {
            if (!await db.Innovations.AnyAsync(i => i.Id == award.InnovationId, ct))
                errors.Add(nameof(input.InnovationId), "Inovasi tidak ditemukan.");
            else if (await IsKnownAsync(award, ct))
                errors.Add("", "Penghargaan ini sudah tercatat untuk inovasi tersebut.");
        }
        if (errors.Any) return errors.ToResult<InnovationAward>();
        award!.RecordedAt = db.Time.GetUtcNow();
        award.RecordedByUserId = byUserId;
        db.InnovationAwards.Add(award);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two organisers recording the same award at once: the unique index decides.
            return Result<InnovationAward>.Invalid("", "Penghargaan ini sudah tercatat untuk inovasi tersebut.");
        }
        return Result<InnovationAward>.Ok(award);
    }

    /// <summary>Only awards entered by hand or imported can be removed here; an edition's own awards change through its judging.</summary>
    public async Task<Result<InnovationAward>> RemoveAsync(int id, CancellationToken ct = default)
    {
        var award = await db.InnovationAwards.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (award is null) return Result<InnovationAward>.NotFound();
        if (award.EditionId is not null)
            return Result<InnovationAward>.Invalid("", "Penghargaan hasil penjurian edisi tidak dapat dihapus di sini.");
        db.InnovationAwards.Remove(award);
        await db.SaveChangesAsync(ct);
        return Result<InnovationAward>.Ok(award);
    }

    /// <summary>
    /// Imports a CSV of past awards (columns inovasi_id/innovation_id, tahun/year, kompetisi/competition,
    /// penghargaan/title, tingkat/tier (finalis|utama), sumber/source). Rows already recorded are skipped.
    /// </summary>
    public async Task<AwardImportReport> ImportAsync(Stream upload, string? byUserId, CancellationToken ct = default)
    {
        // Read without trusting Content-Length: at most one byte past the cap, enough to know the file is too big.
        var content = await Platform.Files.FileInspector.ReadAtMostAsync(upload, MaxImportBytes, ct);
        if (content is null) return FileError(Message.Format("Berkas terlalu besar (maksimal {0} MB).", MaxImportBytes / (1024 * 1024)));
        if (content.Length == 0) return FileError("Berkas kosong.");
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return FileError("Berkas bukan CSV UTF-8. Di Excel, simpan dengan pilihan \"CSV UTF-8 (Comma delimited)\".");
        }
        if (text.Contains('\0', StringComparison.Ordinal)) return FileError("Format berkas tidak dikenali. Unggah berkas CSV (UTF-8).");

        var records = new List<(int Number, List<string> Fields)>();
        var tooMany = false;
        var malformed = CsvText.Read(text, (n, f) =>
        {
            if (f.TrueForAll(string.IsNullOrWhiteSpace)) return true;
            if (records.Count > MaxImportRows) { tooMany = true; return false; }
            records.Add((n, f));
            return true;
        });
        if (malformed is not null) return FileError(malformed);
        if (tooMany) return FileError(Message.Format("Berkas berisi lebih dari {0:N0} baris data. Pecah menjadi beberapa berkas.", MaxImportRows));
        if (records.Count == 0) return FileError("Berkas kosong.");

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant().Replace(' ', '_')).ToList();
        int Col(params string[] names) => header.FindIndex(names.Contains);
        var cInnovation = Col("inovasi_id", "innovation_id");
        var cYear = Col("tahun", "year");
        var cCompetition = Col("kompetisi", "competition");
        var cTitle = Col("penghargaan", "title");
        var cTier = Col("tingkat", "tier");
        var cSource = Col("sumber", "source");
        if (cInnovation < 0 || cYear < 0 || cCompetition < 0 || cTitle < 0 || cTier < 0)
            return FileError("Baris judul harus memuat kolom inovasi_id, tahun, kompetisi, penghargaan dan tingkat.");
        if (records.Count == 1) return FileError("Berkas hanya berisi judul kolom, tanpa baris data penghargaan.");

        string Cell(List<string> f, int i) => i >= 0 && i < f.Count ? f[i].Trim() : "";
        var errors = new List<AwardImportRowError>();
        var parsed = new List<(int Row, InnovationAward Award)>();
        foreach (var (number, fields) in records.Skip(1))
        {
            var bag = new ErrorBag();
            var input = new AwardInput(
                int.TryParse(Cell(fields, cInnovation), NumberStyles.None, CultureInfo.InvariantCulture, out var iid) ? iid : null,
                int.TryParse(Cell(fields, cYear), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null,
                Cell(fields, cCompetition), Cell(fields, cTitle), ParseTier(Cell(fields, cTier)), Cell(fields, cSource));
            if (input.InnovationId is null && Cell(fields, cInnovation).Length > 0) bag.Add("", "inovasi_id harus berupa angka.");
            if (input.Tier is null && Cell(fields, cTier).Length > 0) bag.Add("", "Tingkat harus \"finalis\" atau \"utama\".");
            var award = Check(input, bag);
            if (bag.Any)
                errors.Add(new AwardImportRowError(number, string.Join(" ", bag.ToDictionary().Values.SelectMany(v => v).Distinct())));
            else
                parsed.Add((number, award!));
        }

        var ids = parsed.Select(p => p.Award.InnovationId).Distinct().ToList();
        var existingIds = (await db.Innovations.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        foreach (var (row, award) in parsed.Where(p => !existingIds.Contains(p.Award.InnovationId)))
            errors.Add(new AwardImportRowError(row, Message.Format("Inovasi dengan id {0} tidak ditemukan.", award.InnovationId)));
        if (errors.Count > 0) return new AwardImportReport(false, 0, 0, errors.OrderBy(e => e.RowNumber).ToList());

        var known = (await db.InnovationAwards.AsNoTracking().Where(a => ids.Contains(a.InnovationId))
            .Select(a => new { a.InnovationId, a.Year, a.Competition, a.Title }).ToListAsync(ct))
            .Select(a => Key(a.InnovationId, a.Year, a.Competition, a.Title)).ToHashSet();
        var now = db.Time.GetUtcNow();
        var added = 0;
        var already = 0;
        foreach (var (_, award) in parsed)
        {
            if (!known.Add(Key(award.InnovationId, award.Year, award.Competition, award.Title))) { already++; continue; }
            award.RecordedAt = now;
            award.RecordedByUserId = byUserId;
            db.InnovationAwards.Add(award);
            added++;
        }
        await db.SaveChangesAsync(ct);
        return new AwardImportReport(true, added, already, []);
    }

    private static AwardImportReport FileError(string message) => new(false, 0, 0, [], message);

    private static string Key(int innovationId, int year, string competition, string title) =>
        string.Create(CultureInfo.InvariantCulture, $"{innovationId}|{year}|{competition}|{title.ToUpperInvariant()}");

    /// <summary>Titles compared ignoring case ("Top 45" = "top 45"); an innovation has a handful of awards a year, so in memory.</summary>
    private async Task<bool> IsKnownAsync(InnovationAward a, CancellationToken ct)
    {
        var titles = await db.InnovationAwards.Where(x => x.InnovationId == a.InnovationId && x.Year == a.Year && x.Competition == a.Competition)
            .Select(x => x.Title).ToListAsync(ct);
        return titles.Exists(t => string.Equals(t, a.Title, StringComparison.OrdinalIgnoreCase));
    }

    public static AwardTier? ParseTier(string value) => value.Trim().ToLowerInvariant() switch
    {
        "finalis" or "finalist" => AwardTier.Finalist,
        "utama" or "top" => AwardTier.Top,
        _ => null,
    };

    private InnovationAward? Check(AwardInput input, ErrorBag errors)
    {
        var thisYear = Wib.Today(db.Time).Year;
        if (input.InnovationId is null or < 1) errors.Add(nameof(input.InnovationId), "Pilih inovasi penerima penghargaan.");
        if (input.Year is null) errors.Add(nameof(input.Year), "Tahun penghargaan wajib diisi.");
        else if (input.Year < 2000 || input.Year > thisYear)
            errors.Add(nameof(input.Year), Message.Format("Tahun penghargaan harus antara {0} dan {1}.", 2000, thisYear));
        var competition = input.Competition?.Trim().ToUpperInvariant() ?? "";
        if (competition.Length == 0) errors.Add(nameof(input.Competition), "Nama kompetisi wajib diisi (mis. KIPP atau KOVABLIK).");
        else if (competition.Length > 60) errors.Add(nameof(input.Competition), "Nama kompetisi maksimal 60 karakter.");
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add(nameof(input.Title), "Nama penghargaan wajib diisi (mis. Top 45).");
        else if (title.Length > 120) errors.Add(nameof(input.Title), "Nama penghargaan maksimal 120 karakter.");
        if (input.Tier is null) errors.Add(nameof(input.Tier), "Pilih tingkat penghargaan: finalis atau utama.");
        else if (!Enum.IsDefined(input.Tier.Value)) errors.Add(nameof(input.Tier), "Tingkat penghargaan tidak dikenal.");
        var source = input.Source?.Trim();
        if (source is { Length: > 300 }) errors.Add(nameof(input.Source), "Sumber maksimal 300 karakter.");
        if (errors.Any) return null;
        return new InnovationAward
        {
            InnovationId = input.InnovationId!.Value,
            Year = input.Year!.Value,
            Competition = competition,
            Title = title,
            Tier = input.Tier!.Value,
            Source = string.IsNullOrEmpty(source) ? null : source,
        };
    }
}
