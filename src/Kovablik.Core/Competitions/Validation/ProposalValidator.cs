using System.Globalization;
using Kovablik.Platform;

namespace Kovablik.Competitions.Validation;

/// <summary>
/// The pre-submit validator: the secretariat's administrative-selection checklist, run on a draft. Pure: everything
/// it needs comes in as arguments, so the unit's live checklist, the submit button and Panitia's checklist agree.
/// </summary>
public static class ProposalValidator
{
    /// <summary>
    /// A required section shorter than this many words is flagged (or 10% of its limit when that is more): a real
    /// answer to "Latar Belakang" is never a sentence, while 15 words still lets a short section like a closing
    /// note through.
    /// </summary>
    public const int MinimumWords = 15;

    public const double MinimumShareOfLimit = 0.10;

    /// <summary>Five words are a phrase, not a common collocation ("pelayanan publik di kabupaten"), yet short enough to catch pasting.</summary>
    public const int ShingleWords = 5;

    /// <summary>
    /// Most of a section's phrases are found in one other section: pasted and lightly edited. Below 80% it is more
    /// likely a summary that quotes a few sentences, which the Ringkasan is supposed to do.
    /// </summary>
    public const double RepeatShare = 0.8;

    /// <summary>
    /// Most of the question's phrases are in the answer: the prompt was pasted (often with a few words added). Lower
    /// than <see cref="RepeatShare"/> because a good answer echoes a phrase or two of the question, never most of it.
    /// </summary>
    public const double PromptShare = 0.6;

    /// <summary>
    /// Thirty identical words in a row do not happen by chance in Indonesian prose, even with the shared stock
    /// phrases of public-service writing (those run to ten or so words); it is a copied paragraph.
    /// </summary>
    public const int VerbatimRunWords = 30;

    public static IReadOnlyList<ValidationFinding> Validate(ProposalDraft draft, ValidationRules rules, ValidationContext context)
    {
        var findings = new List<ValidationFinding>();
        void Add(ReasonCode reason, string message, string? sectionKey = null, string? detail = null) =>
            findings.Add(new ValidationFinding(reason, ReasonCodes.SeverityOf(reason), sectionKey, message, detail));

        if (string.IsNullOrWhiteSpace(draft.Title)) Add(ReasonCode.JudulKosong, Message.Format("Judul inovasi wajib diisi."));

        CheckAge(draft, rules, Add);

        if (rules.AllowedOrganisationTypes.Count > 0 && !rules.AllowedOrganisationTypes.Contains(draft.OrganisationType))
            Add(ReasonCode.JenisOrganisasiTidakBerhak, Message.Format("Jenis organisasi {0} tidak dapat mengikuti edisi ini.", draft.OrganisationType));

        CheckSections(draft, rules, Add);
        CheckDocuments(draft, rules, Add);

        if (rules.RequiresCategory && draft.CategoryIds.Count == 0) Add(ReasonCode.KategoriKosong, Message.Format("Pilih minimal satu kategori."));
        if (rules.RequiresSdg && draft.SdgIds.Count == 0) Add(ReasonCode.SdgKosong, Message.Format("Pilih minimal satu tujuan SDG."));

        CheckPastAwards(rules, context, Add);
        CheckTitle(draft, context, Add);

        var quota = rules.QuotaFor(draft.OrganisationType);
        if (context.SubmittedByOrganisation >= quota)
            Add(ReasonCode.KuotaPenuh, Message.Format("Kuota organisasi untuk edisi ini {0} proposal dan sudah terpakai {1}.", quota, context.SubmittedByOrganisation));

        if (!context.BlockingOnly) CheckFiller(draft, rules, context, Add);
        return findings;
    }

    /// <summary>How many more proposals the organisation may submit in the edition (0 when full).</summary>
    public static int QuotaLeft(ProposalDraft draft, ValidationRules rules, ValidationContext context) =>
        Math.Max(0, rules.QuotaFor(draft.OrganisationType) - context.SubmittedByOrganisation);

    /// <summary>The quota line of the unit's checklist.</summary>
    public static string QuotaMessage(ProposalDraft draft, ValidationRules rules, ValidationContext context) =>
        Message.Format("Sisa kuota: {0} dari {1} proposal.", QuotaLeft(draft, rules, context), rules.QuotaFor(draft.OrganisationType));

    /// <summary>
    /// The calendar day registration closes on, read in WIB because that is how deadlines are announced: a close at
    /// 00:30 WIB on 1 April is still 31 March in UTC, and reading it in UTC would cost the unit a day.
    /// </summary>
    public static DateOnly CloseDate(ValidationRules rules) => DateOnly.FromDateTime(Wib.ToWib(rules.RegistrationClosesAt).DateTime);

    /// <summary>
    /// Eligible when the innovation has been running for the minimum number of whole months on the close date;
    /// the anniversary itself counts ("minimal 1 tahun": started 31 March 2025, closing 31 March 2026 is eligible).
    /// </summary>
    public static bool IsOldEnough(DateOnly startedOn, ValidationRules rules) =>
        startedOn.AddMonths(rules.MinimumImplementationMonths) <= CloseDate(rules);

    public static int FullMonths(DateOnly from, DateOnly to)
    {
        if (to < from) return 0;
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (from.AddMonths(months) > to) months--;
        return months;
    }

    private static void CheckAge(ProposalDraft draft, ValidationRules rules, Action<ReasonCode, string, string?, string?> add)
    {
        if (draft.StartedOn is not { } started)
        {
            add(ReasonCode.UsiaInovasi, Message.Format("Tanggal mulai implementasi inovasi wajib diisi."), null, null);
            return;
        }
        if (IsOldEnough(started, rules)) return;
        add(ReasonCode.UsiaInovasi,
            Message.Format("Inovasi baru berjalan {0} bulan sampai penutupan pendaftaran; minimal {1} bulan.",
                FullMonths(started, CloseDate(rules)), rules.MinimumImplementationMonths),
            null, null);
    }

    private static void CheckSections(ProposalDraft draft, ValidationRules rules, Action<ReasonCode, string, string?, string?> add)
    {
        foreach (var section in rules.Sections)
        {
            var words = IndonesianWordCounter.Count(draft.Sections.GetValueOrDefault(section.Key));
            if (words == 0)
            {
                if (section.Required) add(ReasonCode.BagianWajibKosong, Message.Format("Bagian {0} wajib diisi.", section.Title), section.Key, null);
                continue;
            }
            if (section.WordLimit is { } limit && words > limit)
                add(ReasonCode.MelebihiBatasKata, Message.Format("Bagian {0} berisi {1} kata, melebihi batas {2} kata.", section.Title, words, limit), section.Key, null);
        }
    }

    private static void CheckDocuments(ProposalDraft draft, ValidationRules rules, Action<ReasonCode, string, string?, string?> add)
    {
        foreach (var slot in rules.Documents)
        {
            var attached = draft.Documents.Where(d => d.SlotKey == slot.Key).ToList();
            if (attached.Count == 0)
            {
                if (slot.Required) add(ReasonCode.DokumenWajibTidakAda, Message.Format("Dokumen {0} wajib diunggah.", slot.Title), slot.Key, null);
                continue;
            }
            foreach (var document in attached)
            {
                if (slot.AllowedContentTypes.Count > 0 && !slot.AllowedContentTypes.Contains(document.ContentType, StringComparer.OrdinalIgnoreCase))
                    add(ReasonCode.DokumenJenisSalah,
                        Message.Format("Berkas {0} untuk dokumen {1} bukan jenis yang diizinkan ({2}).",
                            document.FileName, slot.Title, string.Join(", ", slot.AllowedContentTypes.Select(TypeLabel))),
                        slot.Key, document.ContentType);
                if (document.Bytes > slot.MaxBytes)
                    add(ReasonCode.DokumenTerlaluBesar,
                        Message.Format("Berkas {0} berukuran {1} MB, melebihi batas {2} MB untuk dokumen {3}.",
                            document.FileName, Megabytes(document.Bytes), Megabytes(slot.MaxBytes), slot.Title),
                        slot.Key, document.Bytes.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    // Rounded up, so a file 1 byte over a 2 MB cap never reads "2 MB, melebihi batas 2 MB".
    private static decimal Megabytes(long bytes) => Math.Ceiling(bytes / 1_048_576m * 10) / 10;

    private static string TypeLabel(string contentType) => contentType.ToLowerInvariant() switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPG",
        "image/png" => "PNG",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "DOCX",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "XLSX",
        "video/mp4" => "MP4",
        _ => contentType,
    };

    private static void CheckPastAwards(ValidationRules rules, ValidationContext context, Action<ReasonCode, string, string?, string?> add)
    {
        var rule = rules.PastAwards;
        var top = context.PastAwards.Where(a => a.Tier == AwardTier.Top).OrderBy(a => a.Year).ToList();
        if (rule.RequiresTopAward && top.Count == 0)
            add(ReasonCode.KelompokTidakSesuai,
                Message.Format("Kelompok {0} hanya untuk inovasi yang pernah meraih penghargaan utama.", rules.GroupName), null, null);
        if (rule.ForbidsTopAward && top.Count > 0)
            add(ReasonCode.KelompokTidakSesuai,
                Message.Format("Inovasi ini pernah meraih penghargaan utama ({0} {1}), sehingga tidak dapat mengikuti kelompok {2}.",
                    top[0].Competition, top[0].Year.ToString(CultureInfo.InvariantCulture), rules.GroupName),
                null, null);
        var finalist = context.PastAwards.Count(a => a.Tier == AwardTier.Finalist);
        if (rule.MaxFinalistAwards is { } max && finalist > max)
            add(ReasonCode.KelompokTidakSesuai,
                Message.Format("Inovasi ini sudah {0} kali menjadi finalis; kelompok {1} hanya menerima finalis paling banyak {2} kali.",
                    finalist, rules.GroupName, max),
                null, null);
    }

    private static void CheckTitle(ProposalDraft draft, ValidationContext context, Action<ReasonCode, string, string?, string?> add)
    {
        if (TitleSimilarity.Normalise(draft.Title).Length == 0) return;
        var own = TitleSimilarity.Trigrams(draft.Title);
        var others = context.OtherTitles.Where(t => draft.InnovationId is null || t.InnovationId != draft.InnovationId).ToList();
        var duplicate = others.FirstOrDefault(t => TitleSimilarity.AreDuplicates(draft.Title, t.Title));
        if (duplicate is not null)
        {
            add(ReasonCode.JudulGanda, Message.Format("Judul sama dengan “{0}” ({1}).", duplicate.Title, duplicate.Source), null, duplicate.Source);
            return;
        }
        var nearest = others
            .Select(t => (Title: t, Score: TitleSimilarity.Jaccard(own, TitleSimilarity.Trigrams(t.Title))))
            .Where(t => t.Score >= TitleSimilarity.NearDuplicateThreshold)
            .OrderByDescending(t => t.Score)
            .FirstOrDefault();
        if (nearest.Title is not null)
            add(ReasonCode.JudulMirip,
                Message.Format("Judul mirip dengan “{0}” ({1}); kemiripan {2}%.", nearest.Title.Title, nearest.Title.Source, (int)Math.Round(nearest.Score * 100)),
                null, nearest.Title.Source);
    }

    private static void CheckFiller(ProposalDraft draft, ValidationRules rules, ValidationContext context, Action<ReasonCode, string, string?, string?> add)
    {
        var titles = rules.Sections.ToDictionary(s => s.Key, s => s.Title);
        string TitleOf(string key) => titles.GetValueOrDefault(key, key);

        // Rule order first, so "mengulang bagian X" points back at the section the reader met first.
        var order = rules.Sections.Select(s => s.Key).Concat(draft.Sections.Keys.Where(k => !titles.ContainsKey(k)).Order(StringComparer.Ordinal)).ToList();
        var words = order
            .Where(k => draft.Sections.ContainsKey(k))
            .Select(k => (Key: k, Words: TextOverlap.NormalisedWords(draft.Sections[k])))
            .Where(s => s.Words.Count > 0)
            .ToList();
        var shingles = words.ToDictionary(s => s.Key, s => TextOverlap.Shingles(s.Words, ShingleWords));

        foreach (var rule in rules.Sections.Where(r => r.Required))
        {
            var section = words.FirstOrDefault(s => s.Key == rule.Key);
            if (section.Words is null) continue;
            var minimum = Math.Max(MinimumWords, (int)Math.Ceiling((rule.WordLimit ?? 0) * MinimumShareOfLimit));
            if (section.Words.Count < minimum)
                add(ReasonCode.IsianTerlaluPendek,
                    Message.Format("Bagian {0} hanya berisi {1} kata; isian yang memadai minimal {2} kata.", rule.Title, section.Words.Count, minimum),
                    rule.Key, null);
        }

        for (var i = 0; i < words.Count; i++)
        {
            var key = words[i].Key;
            for (var j = 0; j < words.Count; j++)
            {
                if (i == j) continue;
                var other = words[j].Key;
                var share = TextOverlap.Containment(shingles[key], shingles[other]);
                if (share < RepeatShare) continue;
                // Two sections that copy each other: only the later one is the repetition.
                if (j > i && TextOverlap.Containment(shingles[other], shingles[key]) >= RepeatShare) continue;
                add(ReasonCode.IsianMengulangBagianLain,
                    Message.Format("Bagian {0} mengulang {1}% isi bagian {2}.", TitleOf(key), (int)Math.Round(share * 100), TitleOf(other)),
                    key, other);
                break;
            }
        }

        foreach (var (key, _) in words)
        {
            if (!context.Prompts.TryGetValue(key, out var prompt)) continue;
            var share = TextOverlap.Containment(TextOverlap.Shingles(TextOverlap.NormalisedWords(prompt), ShingleWords), shingles[key]);
            if (share >= PromptShare)
                add(ReasonCode.IsianMenyalinPertanyaan,
                    Message.Format("Bagian {0} menyalin {1}% teks pertanyaannya.", TitleOf(key), (int)Math.Round(share * 100)),
                    key, null);
        }

        var others = context.OtherProposals
            .Select(p => (p.Label, Sections: p.Sections.Values.Select(TextOverlap.NormalisedWords).Where(w => w.Count >= VerbatimRunWords).ToList()))
            .Where(p => p.Sections.Count > 0)
            .ToList();
        foreach (var (key, sectionWords) in words)
        {
            var best = (Run: 0, Label: "");
            foreach (var (label, sections) in others)
                foreach (var otherWords in sections)
                {
                    var run = TextOverlap.LongestSharedRun(sectionWords, otherWords, VerbatimRunWords);
                    if (run > best.Run) best = (run, label);
                }
            // The other proposal is named only in Detail, for Panitia: a unit must not learn what another unit wrote.
            if (best.Run > 0)
                add(ReasonCode.IsianMenyalinProposalLain,
                    Message.Format("Bagian {0} memuat {1} kata berturut-turut yang sama dengan proposal lain.", TitleOf(key), best.Run),
                    key, best.Label);
        }
    }
}
