using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text;
using Kovablik.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kovablik.Tests.Localization;

/// <summary>
/// Every Indonesian key the source uses has an English text in Resources/SharedResource.en.resx,
/// and the shared localiser really serves it (satellite assembly, resource name, fallback).
/// </summary>
public sealed class EnglishResourceTests(ITestOutputHelper output)
{
    private const string ResxPath = "src/Kovablik.Web/Resources/SharedResource.en.resx";

    private static readonly Lazy<(string Root, SourceStringScan Scan, Dictionary<string, string> Resx)> Source = new(() =>
    {
        var root = SourceStrings.FindRepoRoot();
        return (root, SourceStrings.Extract(root), SourceStrings.ReadResx(Path.Combine(root, ResxPath)));
    });

    [Fact]
    public void Every_source_key_has_an_English_translation()
    {
        var (_, scan, resx) = Source.Value;
        foreach (var w in scan.Warnings) output.WriteLine("warning: " + w);
        foreach (var unused in resx.Keys.Where(k => !scan.Keys.ContainsKey(k)).Order(StringComparer.Ordinal))
            output.WriteLine($"warning: resx entry no longer used in the source: \"{unused}\"");

        // Keys that differ only in case from a translated key are reported by No_two_keys_differ_only_in_case.
        var resxFolded = resx.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = scan.SortedKeys
            .Where(k => !resx.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v))
            .Where(k => resx.ContainsKey(k) || !resxFolded.Contains(k))
            .ToList();
        var message = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{missing.Count} of {scan.Keys.Count} keys have no English text in {ResxPath}.")
            .AppendLine("Add them (e.g. with tools/l10n/merge_translations.py; --missing prints a skeleton):");
        foreach (var k in missing)
        {
            var where = scan.Keys[k][0];
            message.AppendLine(CultureInfo.InvariantCulture, $"  \"{k}\"  ({where.File}:{where.Line})");
        }
        Assert.True(missing.Count == 0, message.ToString());
    }

    [Fact]
    public void No_two_keys_differ_only_in_case()
    {
        // .resx names are case-insensitive: resgen keeps one of "Versi"/"versi" and drops the other, and the
        // (case-sensitive) ResourceManager lookup then misses it, so that text stays Indonesian in the English UI.
        var scan = Source.Value.Scan;
        var groups = scan.SortedKeys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList();
        var message = new StringBuilder()
            .AppendLine("These keys differ only in case, so only one of each group can have an English text. Use one key, or reword one:");
        foreach (var g in groups)
            message.AppendLine("  " + string.Join("  |  ", g.Select(k => $"\"{k}\" ({scan.Keys[k][0].File}:{scan.Keys[k][0].Line})")));
        Assert.True(groups.Count == 0, message.ToString());
    }

    [Fact]
    public void Translations_keep_the_format_placeholders()
    {
        var (_, scan, resx) = Source.Value;
        var broken = scan.SortedKeys
            .Where(k => resx.TryGetValue(k, out var v) && !SourceStrings.Placeholders(k).SequenceEqual(SourceStrings.Placeholders(v)))
            .Select(k => $"  \"{k}\" -> \"{resx[k]}\"")
            .ToList();
        Assert.True(broken.Count == 0, "Placeholders differ between key and translation:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Extractor_finds_keys_of_every_kind()
    {
        var keys = Source.Value.Scan.Keys;
        string[] expected =
        [
            "Masuk",                                                          // L["..."] in a view
            "Organisasi induk tidak ditemukan.",                              // errors.Add / l["..."] in a page model
            "Kata sandi wajib diisi.",                                        // ErrorMessage =
            "Kata sandi baru",                                                // [Display(Name = ...)]
            "Kata sandi salah.",                                              // IdentityError Description
            "Organisasi Provinsi tidak dapat dipindahkan.",                   // Result<T>.Invalid
            "Data ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.", // Result<T>.Conflict
            "Nomor halaman tidak valid.",                                     // [field] = ["..."]
            "Berkas kosong.",                                                 // (null, "...")
            "Latar Belakang dan Tujuan",                                      // InnovationSections
            "Pimpinan Unit", "Panitia", "Juri",                               // Roles.Display
            "Kabupaten/Kota", "UPT / Cabang Dinas",                           // OrganisationTypeNames.Display
            "Uji coba", "SK inovator",                                        // Labels
            "Tanpa Kemiskinan", "Transformasi Digital Pemerintahan", "Penyandang disabilitas", // ReferenceData
            "{0} inovasi ditemukan.",                                         // format string
            "Inovasi diarsipkan.",                                            // passed to l[...] through a parameter
            "Inovasi ini baru saja diubah orang lain. Muat ulang halaman, lalu ulangi perubahan Anda.", // const StaleMessage
            "Berkas hanya berisi judul kolom, tanpa baris data organisasi.", // import parser Fail("...")
        ];
        Assert.All(expected, k => Assert.True(keys.ContainsKey(k), $"extractor missed \"{k}\""));
        // Not keys: role ids that Roles.Display maps, MIME types, file extensions, route names.
        Assert.All(new[] { "PimpinanUnit", ".pdf", "application/pdf", "Detail" },
            k => Assert.False(keys.ContainsKey(k), $"extractor wrongly took \"{k}\""));
    }

    [Fact]
    public void Interpolated_message_is_reported_not_taken()
    {
        var scan = new SourceStringScan();
        SourceStrings.ScanFile(scan, "src/Kovablik.Core/X.cs", "core",
            """errors.Add("Name", $"Nama {n} terlalu panjang."); errors.Add("Name", "Nama wajib diisi.");""");
        Assert.Equal(["Nama wajib diisi."], scan.SortedKeys);
        Assert.Contains(scan.Warnings, w => w.Contains("Nama {n} terlalu panjang.", StringComparison.Ordinal));
    }

    [Fact]
    public void Satellite_assembly_holds_the_whole_English_table_under_the_localiser_name()
    {
        var satellite = typeof(SharedResource).Assembly.GetSatelliteAssembly(CultureInfo.GetCultureInfo("en"));
        Assert.Contains("Kovablik.Web.Resources.SharedResource.en.resources", satellite.GetManifestResourceNames());

        // Every resx entry made it in (resgen silently drops names that differ only in case).
        var manager = new ResourceManager("Kovablik.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        using var set = manager.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        var compiled = set.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);
        var dropped = Source.Value.Resx.Keys.Where(k => !compiled.Contains(k)).ToList();
        Assert.True(dropped.Count == 0, "Not in the satellite assembly: " + string.Join(", ", dropped.Select(k => $"\"{k}\"")));
    }

    [Fact]
    public void Localiser_serves_English_for_en_and_the_key_for_Indonesian()
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        AssertLocaliser(new StringLocalizer<SharedResource>(factory));
    }

    [Fact]
    public void Localiser_from_the_app_registration_serves_English()
    {
        // Same registration as WebSetup.AddKovablik.
        using var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        AssertLocaliser(services.GetRequiredService<IStringLocalizer<SharedResource>>());
    }

    private static void AssertLocaliser(IStringLocalizer<SharedResource> l)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("Sign in", l["Masuk"].Value);
            Assert.False(l["Masuk"].ResourceNotFound);
            Assert.Equal("Unit Head", l["Pimpinan Unit"].Value);
            Assert.Equal("Organising Committee", l["Panitia"].Value);
            Assert.Equal("No Poverty", l["Tanpa Kemiskinan"].Value);
            Assert.Equal("Parent organisation not found.", l["Organisasi induk tidak ditemukan."].Value);
            Assert.Equal("12 innovations found.", string.Format(CultureInfo.CurrentCulture, l["{0} inovasi ditemukan."], 12));
            Assert.Equal("Tidak ada kunci seperti ini", l["Tidak ada kunci seperti ini"].Value);

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
            Assert.Equal("Masuk", l["Masuk"].Value);
            Assert.Equal("Pimpinan Unit", l["Pimpinan Unit"].Value);
            Assert.Equal("12 inovasi ditemukan.", string.Format(CultureInfo.CurrentCulture, l["{0} inovasi ditemukan."], 12));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Resx_is_sorted_and_free_of_duplicates()
    {
        var path = Path.Combine(Source.Value.Root, ResxPath);
        var names = System.Xml.Linq.XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        // Case-insensitive: resgen treats "Versi" and "versi" as the same name.
        Assert.Equal(names.Distinct(StringComparer.OrdinalIgnoreCase).Count(), names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Web_assembly_has_no_neutral_table_so_Indonesian_falls_back_to_the_key()
    {
        Assert.DoesNotContain(typeof(SharedResource).Assembly.GetManifestResourceNames(), n => n.StartsWith("Kovablik.Web.Resources.SharedResource", StringComparison.Ordinal));
    }
}
