using System.Globalization;
using Kovablik.Platform;
using Kovablik.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kovablik.Tests.Localization;

/// <summary>Messages with arguments (Platform/Message.cs) and their localisation (<see cref="LocalizerExtensions.Message"/>).</summary>
public sealed class MessageTests
{
    private const string Missing = "Kode induk {0} tidak ditemukan, baik di basis data maupun di berkas ini.";

    [Fact]
    public void Plain_messages_are_untouched()
    {
        Assert.Equal("Berkas kosong.", Message.Format("Berkas kosong."));
        var (key, args) = Message.Decode("Berkas kosong.");
        Assert.Equal("Berkas kosong.", key);
        Assert.Empty(args);
        Assert.Equal("Berkas kosong.", Message.ToIndonesian("Berkas kosong."));
        // A plain key that happens to contain a placeholder stays a plain key (no formatting, no exception).
        Assert.Equal("{0} inovasi ditemukan.", Message.Decode("{0} inovasi ditemukan.").Key);
        Assert.Equal("{0} inovasi ditemukan.", Message.ToIndonesian("{0} inovasi ditemukan."));
    }

    [Fact]
    public void Key_and_arguments_round_trip()
    {
        var encoded = Message.Format("Dilewati karena induknya (baris {0}, kode {1}) tidak diimpor.", 4, "35.78");
        var (key, args) = Message.Decode(encoded);
        Assert.Equal("Dilewati karena induknya (baris {0}, kode {1}) tidak diimpor.", key);
        Assert.Equal(2, args.Length);
        Assert.Equal(4m, args[0]);               // a number: formatted later with the reader's culture
        Assert.Equal("35.78", args[1]);          // a code stays text, whatever it looks like
        Assert.Equal("Dilewati karena induknya (baris 4, kode 35.78) tidak diimpor.", Message.ToIndonesian(encoded));
    }

    [Fact]
    public void Indonesian_text_uses_Indonesian_number_formatting_and_has_no_control_characters()
    {
        var rows = Message.Format("Berkas berisi lebih dari {0:N0} baris data. Pecah menjadi beberapa berkas.", 50_000);
        var size = Message.Format("Ukuran berkas melebihi batas {0:0.##} MB.", 100 * 1024 / (1024.0 * 1024));
        Assert.Equal("Berkas berisi lebih dari 50.000 baris data. Pecah menjadi beberapa berkas.", Message.ToIndonesian(rows));
        Assert.Equal("Ukuran berkas melebihi batas 0,1 MB.", Message.ToIndonesian(size));
        Assert.All(new[] { rows, size }, m => Assert.DoesNotContain(Message.ToIndonesian(m), c => char.IsControl(c)));
        // The encoded form still reads as Indonesian, so logs and Contains-style checks keep working.
        Assert.StartsWith("Ukuran berkas melebihi batas 0,1 MB.", size, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_arguments_null_and_separators_survive_encoding()
    {
        var nested = Message.Format("Bagian {0} terlalu panjang (maksimal 20.000 karakter).", Message.Key("Latar Belakang dan Tujuan"));
        Assert.Equal(new object?[] { new MessageKey("Latar Belakang dan Tujuan") }, Message.Decode(nested).Args);
        Assert.Equal("Bagian Latar Belakang dan Tujuan terlalu panjang (maksimal 20.000 karakter).", Message.ToIndonesian(nested));

        var odd = Message.Format("Kolom \"{0}\" muncul lebih dari sekali pada baris judul.", "a\u001Fb");
        Assert.Equal(new object?[] { "a b" }, Message.Decode(odd).Args);

        var empty = Message.Format("Organisasi induk {0} sudah dinonaktifkan.", (object?)null);
        Assert.Equal(new object?[] { null }, Message.Decode(empty).Args);
        Assert.Equal("Organisasi induk  sudah dinonaktifkan.", Message.ToIndonesian(empty));

        Assert.Throws<ArgumentException>(() => Message.Format("Kunci\u001Frusak {0}", 1));
    }

    [Fact]
    public void Localiser_formats_arguments_with_the_request_culture()
    {
        var l = Localiser();
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            SetCulture("en");
            Assert.Equal("Sign in", l.Message("Masuk"));
            Assert.Equal("An innovation can have at most 30 attachments.", l.Message(Message.Format("Maksimal {0} lampiran per inovasi.", 30)));
            Assert.Equal("The file has more than 50,000 data rows. Split it into several files.",
                l.Message(Message.Format("Berkas berisi lebih dari {0:N0} baris data. Pecah menjadi beberapa berkas.", 50_000)));
            Assert.Equal("The file is larger than the 0.1 MB limit.", l.Message(Message.Format("Ukuran berkas melebihi batas {0:0.##} MB.", 0.09765625)));
            Assert.Equal("Parent code 35.78 was found neither in the database nor in this file.", l.Message(Message.Format(Missing, "35.78")));
            Assert.Equal("The Background and Objectives section is too long (maximum 20,000 characters).",
                l.Message(Message.Format("Bagian {0} terlalu panjang (maksimal 20.000 karakter).", Message.Key("Latar Belakang dan Tujuan"))));

            SetCulture("id-ID");
            Assert.Equal("Masuk", l.Message("Masuk"));
            Assert.Equal("Berkas berisi lebih dari 50.000 baris data. Pecah menjadi beberapa berkas.",
                l.Message(Message.Format("Berkas berisi lebih dari {0:N0} baris data. Pecah menjadi beberapa berkas.", 50_000)));
            Assert.Equal("Ukuran berkas melebihi batas 0,1 MB.", l.Message(Message.Format("Ukuran berkas melebihi batas {0:0.##} MB.", 0.09765625)));
            Assert.Equal("Kode induk 35.78 tidak ditemukan, baik di basis data maupun di berkas ini.", l.Message(Message.Format(Missing, "35.78")));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void Localiser_falls_back_to_Indonesian_when_arguments_are_missing()
    {
        // E.g. a job message cut at the column's length: the Indonesian text comes first, so it survives.
        var encoded = Message.Format("Dilewati karena induknya (baris {0}, kode {1}) tidak diimpor.", 4, "35.78");
        var truncated = encoded[..encoded.LastIndexOf(Message.Separator)];
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            SetCulture("en");
            Assert.Equal("Dilewati karena induknya (baris 4, kode 35.78) tidak diimpor.", Localiser().Message(truncated));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void Extractor_takes_the_key_of_Message_Format()
    {
        var scan = new SourceStringScan();
        SourceStrings.ScanFile(scan, "src/Kovablik.Core/X.cs", "core", """
            p.AddError(Message.Format("Kode induk {0} tidak ditemukan.", code));
            return Result<A>.Invalid("File", Message.Format("Maksimal {0} lampiran per inovasi.", max));
            row.SkipReason = Message.Format($"Dilewati karena baris {n} tidak diimpor.", n);
            """);
        Assert.Equal(["Kode induk {0} tidak ditemukan.", "Maksimal {0} lampiran per inovasi."], scan.SortedKeys);
        Assert.Equal("message-format", Assert.Single(scan.Keys["Kode induk {0} tidak ditemukan."]).Rule);
        Assert.Contains(scan.Warnings, w => w.Contains("interpolated string cannot be a resource key (message-format)", StringComparison.Ordinal));
        Assert.DoesNotContain(scan.Warnings, w => w.Contains("shown without the localiser", StringComparison.Ordinal));
    }

    private static StringLocalizer<SharedResource> Localiser() =>
        new(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    private static void SetCulture(string name) =>
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo(name), CultureInfo.GetCultureInfo(name));
}
