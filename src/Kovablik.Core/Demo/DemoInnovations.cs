using System.Globalization;
using System.Text;
using Kovablik.Innovations;
using Kovablik.Organisations;

namespace Kovablik.Demo;

/// <summary>Ids of the installation's taxonomy, by name where the demo themes refer to names.</summary>
internal sealed record DemoTaxonomy(
    IReadOnlyDictionary<string, int> Categories,
    IReadOnlyList<int> SdgIds,
    IReadOnlyDictionary<string, int> TargetGroups);

/// <summary>An innovation ready to insert once its owner has an id; taxonomy travels as ids because entities are re-tracked per batch.</summary>
internal sealed record DemoInnovationDraft(
    DemoUnit Owner,
    Innovation Innovation,
    int[] CategoryIds,
    int[] SdgIds,
    int[] TargetGroupIds,
    DateTimeOffset VersionAt);

/// <summary>
/// Writes believable KIPP proposals from templates: the owner's theme supplies the problem, the people served
/// and the numbers, so no two proposals read alike while staying plausible for the unit that owns them.
/// </summary>
internal sealed class DemoInnovationComposer(Random rng, DateTimeOffset now, DateOnly today, DemoTaxonomy taxonomy, IReadOnlyList<string> regencyNames)
{
    public const string DemoDomain = "kovablik.example";

    private static readonly NumberFormatInfo Indonesian = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NumberDecimalDigits = 0 };

    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] BackgroundExtras =
    [
        "Keluhan serupa berulang kali masuk melalui kanal pengaduan dan forum musyawarah perencanaan pembangunan.",
        "Petugas pun kewalahan karena jumlahnya tidak sebanding dengan warga yang harus dilayani.",
        "Survei kepuasan masyarakat tahun itu menempatkan layanan ini pada nilai terendah dibanding layanan lain.",
    ];

    private static readonly string[] FastServiceTimes = ["1 hari kerja", "hari itu juga", "2 hari kerja", "kurang dari 1 jam"];

    private readonly HashSet<string> _usedNames = new(StringComparer.OrdinalIgnoreCase);

    public DemoInnovationDraft Compose(DemoUnit owner, InnovationStatus status)
    {
        var theme = owner.Theme;
        var (name, kind, issue) = PickName(owner);
        var nick = name.Split(" (")[0];
        var stage = status == InnovationStatus.Draft
            ? rng.Next(10) switch { < 5 => InnovationStage.Diterapkan, < 8 => InnovationStage.UjiCoba, _ => InnovationStage.Ide }
            : rng.Next(100) < 88 ? InnovationStage.Diterapkan : InnovationStage.UjiCoba;

        // Ideas and trials are recent; innovations in routine use may go back to the first KOVABLIK years.
        var firstYear = stage switch { InnovationStage.Ide => 2024, InnovationStage.UjiCoba => 2022, _ => 2016 };
        var lastYear = stage == InnovationStage.Diterapkan ? 2024 : 2025;
        var started = new DateOnly(rng.Next(firstYear, lastYear + 1), rng.Next(1, 13), rng.Next(1, 29));
        if (started > today) started = today;
        var y0 = started.Year;
        var y1 = Math.Min(y0 + 1, today.Year);
        var y2 = Math.Min(y0 + 2, today.Year);
        var yLast = Math.Min(today.Year, Math.Max(y0 + 1, today.Year - 1));

        var facts = new Facts
        {
            Name = name,
            Nick = nick,
            Org = owner.Org,
            Place = owner.Place,
            Theme = theme,
            Kind = kind,
            Stage = stage,
            Problem = issue.Problem,
            Beneficiary = Pick(issue.Beneficiaries),
            OtherBeneficiary = Pick(issue.Beneficiaries),
            Metric = issue.Metric,
            Partner = Pick(theme.Partners),
            Mechanism = Pick(kind == InnovationKind.Digital ? DemoNames.DigitalMechanisms : DemoNames.NonDigitalMechanisms),
            Before = rng.Next(35, 66),
            Started = started,
            Y0 = y0,
            Y1 = y1,
            Y2 = y2,
            YLast = yLast,
        };
        facts.After = Math.Min(98, facts.Before + rng.Next(12, 33));

        var team = MakeTeam(theme);
        var contact = team[1];
        var sk = status == InnovationStatus.Draft && rng.Next(2) == 0 ? null : MakeSkNumber(owner.Place, Math.Min(y0 + rng.Next(0, 2), today.Year));
        DateTimeOffset? publishedAt = status == InnovationStatus.Draft ? null : PublishedAt(started);

        var innovation = new Innovation
        {
            Name = name,
            ShortDescription = ShortDescription(facts),
            Ringkasan = Ringkasan(facts),
            LatarBelakang = LatarBelakang(facts),
            Kebaruan = Kebaruan(facts),
            Implementasi = Implementasi(facts),
            Signifikansi = Signifikansi(facts),
            Adaptabilitas = Adaptabilitas(facts),
            SumberDaya = SumberDaya(facts, team.Count),
            StrategiKeberlanjutan = StrategiKeberlanjutan(facts, sk),
            StartedOn = started,
            Stage = stage,
            Kind = kind,
            Status = status,
            Team = team,
            SkNumber = sk,
            ContactName = contact.Name,
            ContactEmail = $"{Slug(BaseName(contact.Name), '.')}@{DemoDomain}",
            // Local numbers never start with 0 after the area code, so these reach nobody.
            ContactPhone = $"(031) 0{rng.Next(100, 1000)}-{rng.Next(1000, 10000)}",
            VideoUrl = rng.Next(100) < 35 ? $"https://www.youtube.com/watch?v=demo{Token(7)}" : null,
            WebsiteUrl = rng.Next(100) < (kind == InnovationKind.Digital ? 60 : 15)
                ? $"https://{DemoDomain}/{Slug(owner.Place.ShortName, '-')}/{Slug(nick, '-')}"
                : null,
            IsDemo = true,
            PublishedAt = publishedAt,
            VersionNumber = 1,
        };
        innovation.SearchText = $"{innovation.Name} {innovation.ShortDescription} {owner.Org.Name}".ToLowerInvariant();

        return new DemoInnovationDraft(owner, innovation, CategoryIds(facts), SdgIds(theme), TargetGroupIds(theme),
            publishedAt ?? now.AddDays(-rng.Next(1, 120)).AddMinutes(-rng.Next(0, 600)));
    }

    /// <summary>What one proposal says, picked once so every section tells the same story.</summary>
    private sealed class Facts
    {
        public required string Name { get; init; }
        public required string Nick { get; init; }
        public required Organisation Org { get; init; }
        public required DemoPlace Place { get; init; }
        public required DemoTheme Theme { get; init; }
        public required InnovationKind Kind { get; init; }
        public required InnovationStage Stage { get; init; }
        public required string Problem { get; init; }
        public required string Beneficiary { get; init; }
        public required string OtherBeneficiary { get; init; }
        public required string Metric { get; init; }
        public required string Partner { get; init; }
        public required string Mechanism { get; init; }
        public required int Before { get; init; }
        public int After { get; set; }
        public required DateOnly Started { get; init; }
        public required int Y0 { get; init; }
        public required int Y1 { get; init; }
        public required int Y2 { get; init; }
        public required int YLast { get; init; }
    }

    private (string Name, InnovationKind Kind, DemoIssue Issue) PickName(DemoUnit owner)
    {
        var theme = owner.Theme;
        DemoIssue issue = theme.Issues[0];
        var candidate = "";
        for (var attempt = 0; attempt < 8; attempt++)
        {
            issue = Pick(theme.Issues);
            candidate = theme.Outreach.Length > 0 && rng.Next(100) < 20 ? Pick(theme.Outreach) : Pick(issue.Names);
            if (!_usedNames.Contains(candidate)) break;
        }
        // Many regions run an innovation of the same name; the region's name tells them apart, as it does in real registries.
        var unique = candidate;
        for (var n = 2; _usedNames.Contains(unique); n++)
        {
            var suffix = n == 2 ? owner.Place.ShortName : $"{owner.Place.ShortName} {n}";
            var paren = candidate.IndexOf(" (", StringComparison.Ordinal);
            unique = paren < 0 ? $"{candidate} {suffix}" : $"{candidate[..paren]} {suffix}{candidate[paren..]}";
        }
        _usedNames.Add(unique);
        var kind = DemoNames.DigitalWords.Any(w => candidate.Contains(w, StringComparison.Ordinal)) ? InnovationKind.Digital
            : DemoNames.NonDigitalWords.Any(w => candidate.Contains(w, StringComparison.Ordinal)) ? InnovationKind.NonDigital
            : rng.Next(2) == 0 ? InnovationKind.Digital : InnovationKind.NonDigital;
        return (unique, kind, issue);
    }

    private string ShortDescription(Facts f) => rng.Next(3) switch
    {
        0 => $"{f.Nick} membantu {f.Beneficiary} memperoleh {f.Theme.Service} dengan lebih mudah melalui {f.Mechanism}.",
        1 => $"Inovasi {f.Org.Name} untuk mengatasi {f.Problem} dengan memanfaatkan {f.Mechanism}.",
        _ => $"{f.Nick} adalah jawaban {f.Org.Name} atas {f.Problem}, agar {f.Beneficiary} terlayani lebih cepat, lebih dekat dan tanpa biaya.",
    };

    private static string Ringkasan(Facts f)
    {
        var kindPhrase = f.Kind == InnovationKind.Digital ? "digital" : "nondigital berbasis pelibatan masyarakat";
        var since = $"{Months[f.Started.Month - 1]} {f.Y0}";
        var opening = $"**{f.Name}** adalah inovasi {kindPhrase} dari {f.Org.Name}";
        return f.Stage switch
        {
            InnovationStage.Ide =>
                $"{opening} yang mulai dirancang pada {since}. Gagasan ini berangkat dari {f.Problem}. " +
                $"Dengan {f.Mechanism}, {f.Beneficiary} kelak dapat memperoleh {f.Theme.Service} tanpa berulang kali datang ke kantor layanan. " +
                $"Inovasi ini ditargetkan menaikkan {f.Metric} dari {f.Before}% menjadi {f.After}%.",
            InnovationStage.UjiCoba =>
                $"{opening} yang diuji coba sejak {since}. Inovasi ini lahir dari keprihatinan atas {f.Problem}. " +
                $"Melalui {f.Mechanism}, {f.Beneficiary} di lokasi uji coba kini memperoleh {f.Theme.Service} lebih dekat. " +
                $"Hasil awal menunjukkan {f.Metric} naik dari {f.Before}% menjadi {f.After}%.",
            _ =>
                $"{opening} yang diterapkan sejak {since}. Inovasi ini lahir dari keprihatinan atas {f.Problem}. " +
                $"Melalui {f.Mechanism}, {f.Beneficiary} kini memperoleh {f.Theme.Service} tanpa harus berulang kali datang ke kantor layanan. " +
                $"Hingga {f.YLast}, {f.Metric} naik dari {f.Before}% menjadi {f.After}%.",
        };
    }

    private string LatarBelakang(Facts f)
    {
        var area = f.Org.Type == OrganisationType.Upp ? $"wilayah layanan {f.Org.Name}" : f.Place.Name;
        string[] goals =
        [
            $"meningkatkan {f.Metric}",
            $"mendekatkan {f.Theme.Service} kepada {f.Beneficiary}",
            "memangkas waktu dan biaya yang harus dikeluarkan masyarakat",
            "menyediakan data yang akurat sebagai dasar pengambilan keputusan",
            $"memperkuat kolaborasi dengan {f.Partner}",
        ];
        var rest = goals[1..];
        rng.Shuffle(rest);
        var bullets = string.Join("\n", new[] { goals[0], rest[0], rest[1] }.Select(g => $"- {Capitalise(g)}."));
        return $"Sebelum {f.Nick} hadir, {f.Problem} menjadi persoalan utama di {area}. " +
               $"Pada {f.Y0 - 1}, {f.Metric} baru mencapai {f.Before}% dan kondisi ini paling dirasakan oleh {f.OtherBeneficiary}. " +
               $"{Pick(BackgroundExtras)}\n\nTujuan inovasi ini:\n\n{bullets}";
    }

    private string Kebaruan(Facts f)
    {
        var oldWay = Pick(DemoNames.OldWays);
        return f.Kind == InnovationKind.Digital
            ? $"Kebaruan {f.Nick} terletak pada {Pick(DemoNames.DigitalNovelties)}. Sebelumnya, {oldWay}. " +
              $"Kini seluruh proses berjalan daring dan tercatat otomatis, sehingga petugas dan {f.Beneficiary} dapat memantau status layanan kapan saja."
            : $"Kebaruan {f.Nick} terletak pada {Pick(DemoNames.NonDigitalNovelties)}. Sebelumnya, {oldWay}. " +
              $"Kini layanan datang kepada warga melalui {f.Mechanism}, sehingga {f.Beneficiary} tidak lagi terkendala jarak dan biaya.";
    }

    private string Implementasi(Facts f)
    {
        var pilot = PilotSite(f);
        return f.Stage switch
        {
            InnovationStage.Ide =>
                $"Inovasi ini masih dalam tahap perancangan:\n\n" +
                $"1. **{f.Y0}** — penyusunan konsep dan kajian kebutuhan bersama {f.Partner}.\n" +
                $"2. **{f.Y1}** — rencana uji coba di {pilot}.",
            InnovationStage.UjiCoba =>
                $"Inovasi ini dijalankan bertahap:\n\n" +
                $"1. **{f.Y0}** — penyusunan konsep dan pembentukan tim inovasi.\n" +
                $"2. **{f.Y0}** — uji coba di {pilot}.\n" +
                $"3. **{f.Y1}** — evaluasi uji coba bersama {f.Partner} sebelum diperluas ke seluruh wilayah layanan.",
            _ =>
                $"Inovasi ini dijalankan bertahap:\n\n" +
                $"1. **{f.Y0}** — penyusunan konsep dan pembentukan tim inovasi.\n" +
                $"2. **{f.Y0}** — uji coba di {pilot}.\n" +
                $"3. **{f.Y1}** — penerapan di seluruh wilayah layanan {f.Org.Name}.\n" +
                $"4. **{f.Y2}** — evaluasi bersama {f.Partner} dan penyempurnaan berdasarkan masukan pengguna layanan.\n\n" +
                "Tim inovasi menggelar rapat evaluasi setiap bulan untuk membahas kendala di lapangan.",
        };
    }

    private string Signifikansi(Facts f)
    {
        var slowDays = rng.Next(3, 15);
        var fast = Pick(FastServiceTimes);
        var people = rng.Next(15, 2500) * 10;
        switch (f.Stage)
        {
            case InnovationStage.Ide:
                return $"Inovasi ini diharapkan menaikkan {f.Metric} dari {f.Before}% menjadi sedikitnya {f.After}% dalam dua tahun " +
                       $"serta memangkas waktu layanan dari {slowDays} hari kerja menjadi {fast}.";
            case InnovationStage.UjiCoba:
                return $"Selama uji coba, {f.Metric} di lokasi percontohan naik dari {f.Before}% menjadi {f.After}%. " +
                       $"Sebanyak {people.ToString("N0", Indonesian)} {f.Beneficiary} sudah terlayani dan waktu layanan turun dari {slowDays} hari kerja menjadi {fast}.";
            default:
                var ikm = rng.Next(780, 961) / 10.0;
                var grade = ikm >= 88.31 ? "sangat baik" : "baik";
                return $"Sejak diterapkan, {f.Metric} naik dari {f.Before}% pada {f.Y0} menjadi {f.After}% pada {f.YLast}. " +
                       $"Waktu layanan yang sebelumnya rata-rata {slowDays} hari kerja kini cukup {fast}. " +
                       $"Sebanyak {people.ToString("N0", Indonesian)} {f.Beneficiary} telah merasakan manfaatnya. " +
                       $"Survei kepuasan masyarakat terakhir memberi nilai {ikm.ToString("0.0", Indonesian)} (kategori {grade}).";
        }
    }

    private string Adaptabilitas(Facts f)
    {
        var reason = f.Kind == InnovationKind.Digital && rng.Next(2) == 0
            ? Pick(DemoNames.DigitalReplicationReasons)
            : Pick(DemoNames.ReplicationReasons);
        if (f.Stage != InnovationStage.Diterapkan)
        {
            return $"{f.Nick} dirancang agar mudah ditiru karena {reason}. " +
                   "Setelah uji coba selesai, panduan teknisnya akan dibagikan kepada perangkat daerah lain yang berminat.";
        }
        var others = regencyNames.Where(r => r != f.Place.Name).ToArray();
        rng.Shuffle(others);
        var replicas = f.Place.IsProvince
            ? $"perangkat daerah di {rng.Next(3, 16)} kabupaten/kota, antara lain {JoinIndonesian(others.Take(2))}"
            : $"unit layanan di {JoinIndonesian(others.Take(rng.Next(1, 4)))}";
        var text = $"{f.Nick} mudah ditiru karena {reason}. Inovasi ini telah direplikasi oleh {replicas}, " +
                   "serta dipaparkan dalam forum berbagi praktik baik inovasi pelayanan publik tingkat provinsi.";
        return rng.Next(100) < 40
            ? text + " Panduan teknis dan standar operasional prosedurnya dapat diminta kepada tim inovasi."
            : text;
    }

    private string SumberDaya(Facts f, int teamSize)
    {
        var millions = rng.Next(3, 150) * 5;
        var budget = f.Org.Type == OrganisationType.Bumd
            ? $"anggaran operasional perusahaan tahun {f.Y0} sebesar Rp{millions} juta"
            : $"APBD {f.Y0} sebesar Rp{millions} juta";
        budget += rng.Next(100) switch
        {
            < 20 when !f.Place.IsProvince => ", ditambah dana desa dari desa mitra",
            < 30 => ", ditambah dukungan program tanggung jawab sosial perusahaan setempat",
            _ => "",
        };
        var facilities = f.Kind == InnovationKind.Digital
            ? "server pusat data pemerintah daerah, komputer operator dan jaringan internet kantor"
            : "kendaraan operasional, peralatan layanan keliling dan ruang layanan di balai desa";
        return "Inovasi ini dijalankan dengan sumber daya berikut:\n\n" +
               $"- **Sumber daya manusia:** {teamSize} orang tim inovasi, dibantu {rng.Next(2, 40)} orang dari unsur {f.Partner}.\n" +
               $"- **Anggaran:** {budget}.\n" +
               $"- **Sarana dan prasarana:** {facilities}.";
    }

    private string StrategiKeberlanjutan(Facts f, string? sk)
    {
        var institutional = sk is null
            ? $"penetapan keputusan {HeadOf(f.Org)} sedang diproses dan inovasi diusulkan masuk rencana strategis"
            : $"ditetapkan melalui Keputusan {HeadOf(f.Org)} Nomor {sk} dan masuk dalam rencana strategis {f.Org.Name}";
        return $"Agar tetap berjalan setelah pergantian pimpinan, {f.Nick} ditopang tiga strategi:\n\n" +
               $"- **Institusional:** {institutional}.\n" +
               $"- **Sosial:** {Pick(DemoNames.SocialStrategies)}, dengan {f.Partner} sebagai ujung tombak di lapangan.\n" +
               $"- **Ekonomi:** {Pick(DemoNames.EconomicStrategies)}.";
    }

    private string PilotSite(Facts f)
    {
        if (f.Org.Type == OrganisationType.Upp) return $"{rng.Next(2, 5)} desa di wilayah layanan {f.Org.Name}";
        if (f.Place.IsProvince)
        {
            var pair = regencyNames.ToArray();
            rng.Shuffle(pair);
            return JoinIndonesian(pair.Take(2));
        }
        return f.Place.Kecamatan.Count == 0
            ? $"dua lokasi percontohan di {f.Place.Name}"
            : $"{rng.Next(2, 6)} desa di Kecamatan {Pick(f.Place.Kecamatan)}";
    }

    private List<TeamMember> MakeTeam(DemoTheme theme)
    {
        var size = rng.Next(2, 6);
        var team = new List<TeamMember>(size);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var positions = DemoNames.TeamPositions.ToArray();
        rng.Shuffle(positions);
        while (team.Count < size)
        {
            var female = rng.Next(100) < 55;
            var baseName = female
                ? $"{Pick(DemoNames.FemaleFirst)} {Pick(DemoNames.FemaleLast)}"
                : $"{Pick(DemoNames.MaleFirst)} {Pick(DemoNames.MaleLast)}";
            if (!names.Add(baseName)) continue;
            var name = theme == DemoNames.Kesehatan && rng.Next(100) < 25
                ? $"dr. {baseName}"
                : baseName + Pick(theme.TitleSuffixes);
            var position = team.Count switch
            {
                0 => "Penanggung Jawab",
                1 => "Ketua Tim Inovasi",
                _ => positions[team.Count - 2],
            };
            team.Add(new TeamMember { Name = name, Position = position });
        }
        return team;
    }

    private string MakeSkNumber(DemoPlace place, int year) => place.IsProvince
        ? $"188/{rng.Next(100, 1000)}/KPTS/013/{year}"
        : $"188/{rng.Next(100, 1000)}/KEP/{place.RegionCode}/{year}";

    private DateTimeOffset PublishedAt(DateOnly started)
    {
        // Within the registry's plausible lifetime: after the start (plus a review period), at most two years back.
        var earliest = new DateTimeOffset(started.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(60);
        var maxDaysBack = Math.Clamp((int)(now - earliest).TotalDays, 2, 730);
        return now.AddDays(-rng.Next(1, maxDaysBack)).AddMinutes(-rng.Next(0, 1440));
    }

    private int[] CategoryIds(Facts f)
    {
        var all = taxonomy.Categories.Values.Order().ToArray();
        if (all.Length == 0) return [];
        var ids = new List<int> { taxonomy.Categories.TryGetValue(f.Theme.Category, out var own) ? own : Pick(all) };
        if (rng.Next(100) < 40)
        {
            var second = f.Kind == InnovationKind.Digital ? "Transformasi Digital Pemerintahan" : "Pelayanan Publik yang Inklusif dan Berkeadilan";
            var extra = taxonomy.Categories.TryGetValue(second, out var id) ? id : Pick(all);
            if (!ids.Contains(extra)) ids.Add(extra);
        }
        return [.. ids];
    }

    private int[] SdgIds(DemoTheme theme)
    {
        var known = theme.Sdgs.Where(taxonomy.SdgIds.Contains).ToArray();
        if (known.Length == 0) return taxonomy.SdgIds.Count == 0 ? [] : [taxonomy.SdgIds[rng.Next(taxonomy.SdgIds.Count)]];
        var others = known[1..];
        rng.Shuffle(others);
        return [known[0], .. others.Take(rng.Next(0, 3))];
    }

    private int[] TargetGroupIds(DemoTheme theme)
    {
        var known = theme.TargetGroups.Where(taxonomy.TargetGroups.ContainsKey).Select(n => taxonomy.TargetGroups[n]).ToArray();
        if (known.Length == 0) known = [.. taxonomy.TargetGroups.Values.Order()];
        rng.Shuffle(known);
        return [.. known.Take(rng.Next(1, 4))];
    }

    private static string HeadOf(Organisation org)
    {
        var name = org.Name;
        if (org.Type == OrganisationType.Bumd) return $"Direksi {name}";
        if (name.StartsWith("RSUD", StringComparison.Ordinal) || name.StartsWith("Rumah Sakit", StringComparison.Ordinal) || name.StartsWith("UPT Rumah Sakit", StringComparison.Ordinal))
            return $"Direktur {name}";
        if (name.StartsWith("Kantor Kecamatan ", StringComparison.Ordinal)) return $"Camat {name["Kantor Kecamatan ".Length..]}";
        if (name.StartsWith("Inspektorat ", StringComparison.Ordinal)) return $"Inspektur {name["Inspektorat ".Length..]}";
        if (name.StartsWith("Sekretariat DPRD", StringComparison.Ordinal)) return $"Sekretaris DPRD{name["Sekretariat DPRD".Length..]}";
        return $"Kepala {name}";
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private string Token(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[rng.Next(alphabet.Length)];
        return new string(chars);
    }

    private static string BaseName(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        var trimmed = comma < 0 ? name : name[..comma];
        return trimmed.StartsWith("dr. ", StringComparison.Ordinal) ? trimmed[4..] : trimmed;
    }

    private static string Slug(string text, char separator)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (c == ' ' && sb.Length > 0 && sb[^1] != separator) sb.Append(separator);
        }
        return sb.ToString().TrimEnd(separator);
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string JoinIndonesian(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Join("", list) : $"{string.Join(", ", list[..^1])} dan {list[^1]}";
    }
}
