using Kovablik.Competitions.Validation;

namespace Kovablik.Tests.Competitions.Validation;

/// <summary>Each expected count was counted by hand, the way the secretariat counts a printed section.</summary>
public sealed class IndonesianWordCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("Inovasi pelayanan publik", 3)]
    [InlineData("anak-anak bermain di taman", 4)]
    [InlineData("Kegiatan sehari-hari warga desa", 4)]
    [InlineData("kupu-kupu, mondar-mandir, dan bolak-balik", 4)]
    [InlineData("Jumlah penerima manfaat 1.250 orang", 5)]
    [InlineData("Nilai kepuasan naik 3,5 poin", 5)]
    [InlineData("Cakupan imunisasi mencapai 25%", 4)]
    [InlineData("Menurunkan angka stunting dari 24,5% menjadi 18,2%.", 7)]
    [InlineData("Biaya Rp 1.250.000 per tahun", 5)]
    [InlineData("Biaya Rp1.250.000,00 per tahun", 4)]
    [InlineData("Tahun 2020–2021 layanan diperluas", 4)]
    [InlineData("Waktu layanan: 08.00–15.00 WIB", 4)]
    [InlineData("Sejak 1 Januari 2024, layanan dibuka 24/7.", 7)]
    [InlineData("Kunjungi https://jatimprov.go.id/inovasi?tahun=2025 untuk informasi", 4)]
    [InlineData("Hubungi humas@jatimprov.go.id.", 2)]
    [InlineData("Email: a.b@x.co.id, telepon 031-123456", 4)]
    [InlineData("Info di <https://sinovik.menpan.go.id>", 3)]
    [InlineData("Portal www.jipp.jatimprov.go.id dibuka", 3)]
    [InlineData("# Latar Belakang", 2)]
    [InlineData("## Tujuan Inovasi\n\nMeningkatkan layanan.", 4)]
    [InlineData("- Pertama\n- Kedua\n- Ketiga", 3)]
    [InlineData("1. Pendaftaran\n2. Verifikasi\n3. Penerbitan", 3)]
    [InlineData("* Ibu hamil\n* Balita", 3)]
    [InlineData("**Penting:** layanan gratis", 3)]
    [InlineData("Layanan _jemput bola_ di desa", 5)]
    [InlineData("Lihat [panduan layanan](https://contoh.go.id/panduan) kami", 4)]
    [InlineData("![Foto kegiatan posyandu](foto.jpg)", 3)]
    [InlineData("Tautan [SINOVIK][1] tersedia\n\n[1]: https://sinovik.menpan.go.id", 3)]
    [InlineData("> Kutipan dari kepala dinas", 4)]
    [InlineData("Tabel:\n\n| Tahun | Jumlah |\n|---|---|\n| 2023 | 1.200 |", 5)]
    [InlineData("---\n\nBagian baru", 2)]
    [InlineData("```\nkode contoh\n```", 2)]
    [InlineData("\\*bukan daftar\\*", 2)]
    [InlineData("Layanan <b>cepat</b> dan <i>mudah</i>", 4)]
    [InlineData("Warga - terutama lansia - terbantu", 4)]
    [InlineData("Inovasi ini — menurut warga — sangat membantu", 6)]
    [InlineData("... !!! ???", 0)]
    [InlineData("pelayanan,pengaduan;informasi", 3)]
    [InlineData("e-KTP dan KIA diterbitkan", 4)]
    [InlineData("Si-Intan 2.0 diluncurkan", 3)]
    [InlineData("Terdapat 12 kecamatan (OPD terkait) yang terlibat", 7)]
    [InlineData("Kerja sama dengan 3 (tiga) puskesmas.", 6)]
    [InlineData("Program \"Ayo Sekolah\" berjalan", 4)]
    [InlineData("Pemerintah Kabupaten/Kota se-Jawa Timur", 4)]
    [InlineData("Layanan diberikan oleh Dr. Siti, S.Kom., M.M.", 7)]
    [InlineData("Ringkasan\n\n\nInovasi  ini   dijalankan", 4)]
    [InlineData("kata\u00A0dengan\u00A0spasi", 3)]
    public void Counts_words_like_the_secretariat(string text, int expected) =>
        Assert.Equal(expected, IndonesianWordCounter.Count(text));

    [Fact]
    public void Null_is_no_words() => Assert.Equal(0, IndonesianWordCounter.Count(null));

    [Fact]
    public void Words_keep_reduplication_numbers_and_link_text()
    {
        Assert.Equal(["anak-anak", "1.250", "panduan", "humas@jatimprov.go.id"],
            IndonesianWordCounter.Words("**anak-anak** 1.250 [panduan](https://x.go.id) humas@jatimprov.go.id."));
    }
}
