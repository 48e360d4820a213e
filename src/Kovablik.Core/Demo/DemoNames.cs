namespace Kovablik.Demo;

/// <summary>
/// One problem a unit might tackle, with the number that shows progress, who benefits, and innovation names that
/// fit it. Keeping these together is what makes a generated proposal tell one consistent story.
/// </summary>
internal sealed record DemoIssue(string Problem, string Metric, string[] Beneficiaries, string[] Names);

/// <summary>
/// The vocabulary of one field of government work. Innovations take their issue from the theme of the unit that
/// owns them, so a puskesmas gets a health innovation and a Samsat office a tax one.
/// </summary>
/// <param name="Outreach">Names that suit any issue of the theme (mobile services and the like).</param>
internal sealed record DemoTheme(
    string Category,
    int[] Sdgs,
    string[] TargetGroups,
    string Service,
    DemoIssue[] Issues,
    string[] Outreach,
    string[] Partners,
    string[] TitleSuffixes);

/// <summary>A provincial perangkat daerah; "{prov}" is replaced by the host province's name.</summary>
internal sealed record ProvincialUnit(string Name, DemoTheme Theme, string[] Upts, bool HasSchoolBranches = false);

/// <summary>A kabupaten/kota perangkat daerah; the regency name ("Kabupaten Malang") is appended.</summary>
internal sealed record LocalUnit(string Name, DemoTheme Theme);

/// <summary>
/// Names for the demo data set, shaped like Jawa Timur's government so the demo feels familiar. Innovation names
/// imitate the style of real registry entries but are made up for the demo.
/// </summary>
internal static class DemoNames
{
    private static readonly string[] GeneralTitles = ["", "", "", ", S.E.", ", S.Sos.", ", S.T.", ", S.Kom.", ", M.M.", ", M.Si.", ", S.AP."];

    public static readonly DemoTheme Kesehatan = new(
        Category: "Pelayanan Kesehatan",
        Sdgs: [3, 2, 5, 6],
        TargetGroups: ["Masyarakat umum", "Perempuan", "Anak", "Lanjut usia", "Masyarakat miskin"],
        Service: "layanan kesehatan",
        Issues:
        [
            new("tingginya angka stunting pada balita", "persentase balita dengan status gizi baik",
                ["balita", "keluarga berisiko stunting", "ibu hamil"],
                ["SI GIZI (Sistem Informasi Pemantauan Gizi Balita)", "SAPU JAGAD (Satu Puskesmas Jaga Gizi Anak Desa)", "Gerakan Bersama Cegah Stunting", "Rumah Gizi Ceria", "Dapur Sehat Atasi Stunting"]),
            new("keterlambatan rujukan ibu hamil berisiko tinggi", "cakupan persalinan di fasilitas kesehatan",
                ["ibu hamil", "ibu hamil berisiko tinggi", "keluarga ibu hamil"],
                ["BUNDA SIAGA (Bumil dan Keluarga Siap Antar Jaga)", "GERBANG EMAS (Gerakan Bersama Ibu Hamil Menuju Persalinan Aman dan Sehat)", "SI BUMIL (Sistem Informasi Pendataan Ibu Hamil Risiko Tinggi)", "Kelas Bumil Berdaya"]),
            new("antrean pendaftaran pasien yang mengular sejak pagi", "tingkat kepuasan pasien terhadap layanan pendaftaran",
                ["pasien rawat jalan", "pasien lansia", "keluarga pasien"],
                ["SI ANTRE (Sistem Informasi Antrean Pasien Daring)", "Daftar Berobat Lewat WhatsApp", "Pendaftaran Pasien Tanpa Antre"]),
            new("banyaknya lansia yang tidak terpantau penyakit kroniknya", "cakupan pemeriksaan rutin lansia dengan hipertensi dan diabetes",
                ["lansia", "pasien penyakit kronis", "pendamping lansia"],
                ["PELITA HATI (Pelayanan Lansia Terpadu dengan Hati)", "JEMPOL SEHAT (Jemput Bola Layanan Kesehatan Lansia)", "Si Bening (Sistem Bersama Deteksi Dini Hipertensi)", "SI LANSIA (Sistem Informasi Pemantauan Kesehatan Lansia)"]),
            new("rendahnya kepatuhan minum obat pasien tuberkulosis", "angka keberhasilan pengobatan tuberkulosis",
                ["pasien tuberkulosis", "keluarga pasien tuberkulosis"],
                ["PANDU TB (Pantau dan Dukung Pengobatan Tuberkulosis)", "Sahabat Minum Obat", "SI OBAT (Sistem Informasi Pemantauan Minum Obat Tuberkulosis)"]),
            new("tingginya anemia pada remaja putri", "persentase remaja putri yang rutin minum tablet tambah darah",
                ["remaja putri", "siswi SMP dan SMA"],
                ["SI CANTIK (Cegah Anemia dengan Tablet Tambah Darah bagi Remaja Putri)", "Gerakan Remaja Putri Bebas Anemia"]),
        ],
        Outreach: ["Layanan Kesehatan Keliling", "Posyandu Malam Hari", "Dokter Keliling Desa"],
        Partners: ["kader posyandu", "bidan desa", "tim penggerak PKK", "perangkat desa"],
        TitleSuffixes: ["", ", S.Kep., Ns.", ", Amd.Keb.", ", S.KM.", ", S.Gz.", ", M.Kes."]);

    public static readonly DemoTheme Pendidikan = new(
        Category: "Pendidikan dan Kebudayaan",
        Sdgs: [4, 5, 10],
        TargetGroups: ["Pelajar dan mahasiswa", "Anak", "Penyandang disabilitas", "Masyarakat miskin"],
        Service: "layanan pendidikan",
        Issues:
        [
            new("tingginya angka putus sekolah di daerah pinggiran", "persentase anak putus sekolah yang kembali bersekolah",
                ["anak putus sekolah", "orang tua murid", "anak usia sekolah"],
                ["JALAN PULANG (Jemput Anak Lulus dan Pulang ke Sekolah)", "SI ATS (Sistem Informasi Pemetaan Anak Tidak Sekolah)", "Gerakan Kembali ke Sekolah"]),
            new("rendahnya minat baca siswa", "persentase siswa yang mencapai kompetensi minimum literasi",
                ["siswa", "guru", "orang tua murid"],
                ["GEMAR BACA (Gerakan Masyarakat Gemar Membaca)", "Pojok Literasi Keliling", "SI BACA (Sistem Informasi Literasi dan Perpustakaan Sekolah)", "Perpustakaan Digital Sekolah"]),
            new("terbatasnya akses pembelajaran bagi siswa berkebutuhan khusus", "persentase siswa berkebutuhan khusus yang terlayani di sekolah reguler",
                ["siswa berkebutuhan khusus", "orang tua murid", "guru pendamping khusus"],
                ["SEKOLAH PELANGI (Sekolah Peduli Anak Berkebutuhan Khusus dan Inklusi)", "Si Pintar (Siswa Pintar Tanpa Rintangan)", "Kelas Inklusi Ramah Anak"]),
            new("proses penerimaan peserta didik baru yang masih manual", "persentase pendaftar yang dilayani tanpa datang ke sekolah",
                ["calon peserta didik", "orang tua murid"],
                ["SI PPDB (Sistem Informasi Penerimaan Peserta Didik Baru Terpadu)", "PPDB Tanpa Antre"]),
            new("belum meratanya kompetensi guru antarsekolah", "persentase guru yang lulus uji kompetensi",
                ["guru", "kepala sekolah", "siswa"],
                ["SAHABAT GURU (Saling Berbagi Praktik Baik Antarguru)", "SI GURU (Sistem Informasi Pengembangan Kompetensi Guru)", "Kelas Inspirasi Desa"]),
            new("lulusan sekolah yang belum siap memasuki dunia kerja", "persentase lulusan yang bekerja atau berwirausaha dalam enam bulan",
                ["siswa SMA dan SMK", "lulusan baru"],
                ["Sekolah Lapang Vokasi", "Kelas Industri Bersama Dunia Usaha"]),
        ],
        Outreach: ["Guru Kunjung", "Belajar di Balai Desa"],
        Partners: ["komite sekolah", "guru pendamping", "relawan literasi", "perangkat desa"],
        TitleSuffixes: ["", ", S.Pd.", ", S.Pd.", ", M.Pd.", ", S.Si."]);

    public static readonly DemoTheme Adminduk = new(
        Category: "Kependudukan dan Pencatatan Sipil",
        Sdgs: [16, 10, 5],
        TargetGroups: ["Masyarakat umum", "Anak", "Lanjut usia", "Penyandang disabilitas", "Masyarakat daerah terpencil"],
        Service: "layanan administrasi kependudukan",
        Issues:
        [
            new("rendahnya kepemilikan akta kelahiran anak", "cakupan kepemilikan akta kelahiran anak",
                ["orang tua bayi baru lahir", "anak", "keluarga muda"],
                ["Akta Lahir Langsung Pulang", "Gerakan Semua Anak Punya Akta", "SI AKTA (Sistem Informasi Penerbitan Akta Kelahiran Terpadu)"]),
            new("sulitnya lansia dan penyandang disabilitas melakukan perekaman KTP elektronik", "cakupan perekaman KTP elektronik bagi lansia dan penyandang disabilitas",
                ["lansia", "penyandang disabilitas", "keluarga pendamping"],
                ["JEMPUT KTP (Jemput Perekaman KTP-el bagi Lansia dan Disabilitas)", "Perekaman KTP-el dari Rumah"]),
            new("warga yang harus bolak-balik ke kantor dinas untuk mengurus dokumen", "persentase dokumen kependudukan yang terbit pada hari yang sama",
                ["pemohon dokumen kependudukan", "warga desa", "perantau"],
                ["KLIK SEKALI (Kependudukan Layanan Internet Sekali Jadi)", "SI DUKCAPIL (Sistem Informasi Layanan Adminduk Daring)", "PAK RT MANTAP (Pelayanan Adminduk di Tingkat RT Mudah dan Tepat)", "Dukcapil Masuk Desa"]),
            new("banyaknya kematian yang tidak dilaporkan", "persentase kematian yang tercatat dalam akta kematian",
                ["ahli waris", "keluarga yang berduka", "perangkat desa"],
                ["SI DATUK (Sistem Informasi Data Kematian Terpadu)", "Si Dola (Sistem Dokumen Lahir dan Mati)", "Lapor Kematian Lewat Desa"]),
            new("banyaknya dokumen yang harus diurus terpisah oleh pasangan pengantin baru", "persentase pasangan pengantin baru yang menerima KK dan KTP baru tepat waktu",
                ["pasangan pengantin baru", "keluarga muda"],
                ["Paket Bahagia Pengantin Baru", "Nikah Sekali, Dokumen Beres"]),
        ],
        Outreach: ["Layanan Adminduk Keliling", "Jemput Bola Adminduk Desa Terpencil", "Adminduk Akhir Pekan"],
        Partners: ["operator desa", "ketua RT dan RW", "petugas registrasi kecamatan", "fasilitas kesehatan"],
        TitleSuffixes: GeneralTitles);

    public static readonly DemoTheme Perizinan = new(
        Category: "Perizinan dan Investasi",
        Sdgs: [8, 9, 16],
        TargetGroups: ["Pelaku usaha dan UMKM", "Masyarakat umum"],
        Service: "layanan perizinan",
        Issues:
        [
            new("lamanya proses penerbitan izin usaha", "persentase izin yang terbit tepat waktu",
                ["pelaku usaha", "pemohon izin"],
                ["Satu Jam Izin Terbit", "SI IZIN (Sistem Informasi Pelacakan Status Perizinan)", "Izin Antar Rumah"]),
            new("rendahnya kepemilikan NIB di kalangan usaha mikro", "persentase usaha mikro binaan yang memiliki NIB",
                ["pelaku usaha mikro", "pelaku usaha perempuan"],
                ["KLINIK NIB (Konsultasi Layanan Izin dan Nomor Induk Berusaha)", "Gerakan Sejuta NIB untuk Usaha Mikro", "SI NIB (Sistem Informasi Pendampingan Nomor Induk Berusaha)"]),
            new("tidak pastinya waktu penyelesaian persetujuan bangunan gedung", "persentase persetujuan bangunan gedung yang selesai sesuai standar waktu",
                ["pemohon persetujuan bangunan gedung", "pengembang perumahan"],
                ["SI PBG (Sistem Informasi Persetujuan Bangunan Gedung Terpadu)", "PBG Tanpa Tatap Muka"]),
            new("sulitnya calon investor memperoleh informasi peluang investasi", "persentase minat investasi yang berlanjut menjadi realisasi",
                ["calon investor", "pelaku usaha"],
                ["SAPA INVESTOR (Sistem Pendampingan Aktif Investor)", "Peta Peluang Investasi Daerah"]),
            new("sulitnya penyandang disabilitas dan lansia mengakses gedung pelayanan", "tingkat kepuasan pengunjung dari kelompok rentan",
                ["penyandang disabilitas", "lansia", "ibu dengan anak kecil"],
                ["Mal Pelayanan Publik Ramah Disabilitas", "Pelayanan Prioritas Kelompok Rentan"]),
        ],
        Outreach: ["OJEK IZIN (Online Jemput Antar Izin)", "Layanan Perizinan Keliling", "Gerai Perizinan Akhir Pekan"],
        Partners: ["pendamping UMKM", "asosiasi pengusaha", "petugas kecamatan", "perbankan daerah"],
        TitleSuffixes: GeneralTitles);

    public static readonly DemoTheme Sosial = new(
        Category: "Pelayanan Publik yang Inklusif dan Berkeadilan",
        Sdgs: [1, 10, 5],
        TargetGroups: ["Masyarakat miskin", "Penyandang disabilitas", "Lanjut usia", "Perempuan", "Anak"],
        Service: "layanan sosial",
        Issues:
        [
            new("data penerima bantuan sosial yang tidak tepat sasaran", "persentase ketepatan sasaran penerima bantuan sosial",
                ["keluarga miskin", "pendamping sosial", "perangkat desa"],
                ["SI DTKS (Sistem Informasi Pemutakhiran Data Kesejahteraan Sosial)", "Verifikasi Bansos dari Desa", "Musyawarah Desa Tepat Sasaran"]),
            new("kasus kekerasan terhadap perempuan dan anak yang tidak terlaporkan", "persentase kasus kekerasan yang tertangani tuntas",
                ["perempuan korban kekerasan", "anak korban kekerasan", "keluarga korban"],
                ["PELUK BUNDA (Pelayanan Terpadu Korban Kekerasan pada Ibu dan Anak)", "SI PUSPA (Sistem Informasi Pengaduan Perempuan dan Anak)", "Gerakan Stop Kekerasan di Rumah", "SUARA RENTAN (Sarana Aspirasi Perempuan dan Kelompok Rentan)"]),
            new("lansia terlantar yang belum terjangkau layanan", "persentase lansia terlantar yang mendapat pendampingan rutin",
                ["lansia terlantar", "lansia yang tinggal sendiri", "keluarga lansia"],
                ["Dapur Lansia Sejahtera", "Gerakan Peduli Lansia Terlantar", "Rumah Singgah Harapan"]),
            new("penyandang disabilitas yang belum memiliki akses pekerjaan", "persentase penyandang disabilitas binaan yang bekerja atau berwirausaha",
                ["penyandang disabilitas", "keluarga penyandang disabilitas"],
                ["DIFABEL BERKARYA (Disabilitas Berdaya dan Berkarya)", "Warung Ramah Disabilitas", "SI RENTAN (Sistem Informasi Pemetaan Kelompok Rentan)"]),
            new("lambatnya penanganan pengaduan warga miskin", "persentase pengaduan sosial yang selesai kurang dari tujuh hari",
                ["keluarga miskin", "warga rentan"],
                ["SAMBANG WARGA (Sapa, Ambil dan Tangani Masalah Warga)", "Posko Pengaduan Sosial Desa"]),
        ],
        Outreach: ["Layanan Sosial Keliling", "Jemput Bola Layanan Sosial"],
        Partners: ["pekerja sosial masyarakat", "pendamping sosial", "relawan desa", "organisasi penyandang disabilitas"],
        TitleSuffixes: GeneralTitles);

    public static readonly DemoTheme Pendapatan = new(
        Category: "Tata Kelola Pemerintahan yang Efektif",
        Sdgs: [16, 17, 8],
        TargetGroups: ["Masyarakat umum", "Pelaku usaha dan UMKM"],
        Service: "layanan pembayaran pajak daerah",
        Issues:
        [
            new("antrean panjang wajib pajak di kantor Samsat", "persentase wajib pajak yang dilayani kurang dari 30 menit",
                ["wajib pajak kendaraan bermotor", "pekerja yang tidak sempat datang pada jam kantor"],
                ["Samsat Malam Hari", "Samsat Lewat Tanpa Turun", "BAYAR TEPAT (Bayar Pajak Tanpa Antre dan Tepat Waktu)"]),
            new("tingginya tunggakan pajak kendaraan bermotor", "tingkat kepatuhan wajib pajak kendaraan bermotor",
                ["wajib pajak kendaraan bermotor", "pemilik kendaraan di desa"],
                ["PAJAK MANIS (Pajak Mudah, Nyaman dan Inovatif)", "Gerakan Sadar Pajak Sejak Dini", "Pengingat Jatuh Tempo Pajak Lewat WhatsApp"]),
            new("sulitnya wajib pajak di daerah terpencil menjangkau kantor layanan", "persentase desa terpencil yang terjangkau layanan pajak",
                ["warga desa terpencil", "wajib pajak kendaraan bermotor"],
                ["Samsat Desa Bersinar", "Gerakan Bayar Pajak dari Desa"]),
            new("pembayaran pajak yang masih harus tunai", "persentase transaksi pembayaran pajak nontunai",
                ["wajib pajak", "pelaku usaha"],
                ["SI PAJAK (Sistem Informasi Pajak Kendaraan Daring)", "Bayar Pajak Pakai Kode QR"]),
        ],
        Outreach: ["Layanan Samsat Keliling", "Samsat Akhir Pekan"],
        Partners: ["pemerintah desa", "bank daerah", "kantor pos", "minimarket mitra"],
        TitleSuffixes: GeneralTitles);

    public static readonly DemoTheme Perhubungan = new(
        Category: "Pelayanan Publik yang Inklusif dan Berkeadilan",
        Sdgs: [11, 9, 3],
        TargetGroups: ["Masyarakat umum", "Pelajar dan mahasiswa", "Penyandang disabilitas"],
        Service: "layanan transportasi",
        Issues:
        [
            new("tingginya angka kecelakaan lalu lintas yang melibatkan pelajar", "persentase sekolah yang menerapkan zona selamat sekolah",
                ["pelajar", "orang tua murid", "guru"],
                ["Zona Selamat Sekolah Ceria", "Gerakan Pelajar Tertib Berlalu Lintas", "JALAN BERSAMA (Jaga Lalu Lintas Bersama Masyarakat)"]),
            new("terbatasnya angkutan umum menuju sekolah di pedesaan", "persentase pelajar desa yang terlayani angkutan sekolah",
                ["pelajar desa", "orang tua murid"],
                ["Angkutan Pelajar Gratis", "SI BUS (Sistem Informasi Pelacakan Bus Sekolah)"]),
            new("jalan rusak yang lambat dilaporkan dan diperbaiki", "persentase laporan jalan rusak yang ditangani kurang dari 14 hari",
                ["pengguna jalan", "warga desa", "pengemudi angkutan barang"],
                ["LAPOR JALAN (Layanan Pengaduan Ruas Jalan)", "SI JALAN (Sistem Informasi Pengaduan Jalan Rusak)", "Gerakan Jalan Mulus Desa Terhubung"]),
            new("lamanya uji berkala kendaraan angkutan barang", "persentase uji berkala yang selesai pada hari yang sama",
                ["pemilik kendaraan angkutan barang", "pengemudi angkutan umum"],
                ["Uji KIR Keliling", "SI UJI (Sistem Informasi Uji Kendaraan Bermotor Daring)"]),
            new("halte dan terminal yang belum ramah penyandang disabilitas", "persentase halte dan terminal yang memenuhi standar aksesibilitas",
                ["penyandang disabilitas", "lansia", "pengguna angkutan umum"],
                ["Terminal Ramah Disabilitas", "Halte Inklusi"]),
        ],
        Outreach: [],
        Partners: ["sekolah", "relawan lalu lintas", "organisasi angkutan darat", "pemerintah desa"],
        TitleSuffixes: GeneralTitles);

    public static readonly DemoTheme Pertanian = new(
        Category: "Pertanian, Perikanan dan Ketahanan Pangan",
        Sdgs: [2, 1, 15, 12],
        TargetGroups: ["Petani dan nelayan", "Masyarakat miskin", "Perempuan"],
        Service: "layanan penyuluhan pertanian",
        Issues:
        [
            new("rendahnya produktivitas padi akibat serangan hama", "persentase lahan padi yang terbebas dari serangan hama",
                ["petani padi", "kelompok tani"],
                ["SI HAMA (Sistem Informasi Peringatan Dini Serangan Hama)", "Klinik Tanaman Keliling", "Sekolah Lapang Iklim"]),
            new("sulitnya petani memperoleh pupuk bersubsidi tepat waktu", "persentase petani yang menerima pupuk bersubsidi tepat waktu",
                ["petani", "kelompok tani", "kios pupuk"],
                ["SI PUPUK (Sistem Informasi Distribusi Pupuk Bersubsidi)", "Pupuk Sampai Tepat Waktu"]),
            new("anjloknya harga cabai dan bawang merah saat panen raya", "persentase hasil panen yang terserap pasar dengan harga wajar",
                ["petani hortikultura", "kelompok wanita tani"],
                ["SI TANI (Sistem Informasi Harga dan Pasar Tani)", "Gerakan Tanam Cabai Serentak", "Lumbung Pangan Desa"]),
            new("penyakit mulut dan kuku pada ternak", "cakupan vaksinasi ternak",
                ["peternak sapi", "peternak kambing"],
                ["SAPI SEHAT (Sistem Aktif Pelayanan Inseminasi dan Kesehatan Ternak)", "Dokter Hewan Panggilan", "SI TERNAK (Sistem Informasi Kesehatan Hewan Ternak)"]),
            new("kurangnya regenerasi petani muda", "persentase petani muda di antara anggota kelompok tani",
                ["petani muda", "lulusan SMK pertanian"],
                ["Gerakan Petani Milenial", "PADI EMAS (Pendampingan Petani dengan Inovasi Benih Unggul dan Mekanisasi)", "Gerakan Pekarangan Pangan Lestari"]),
        ],
        Outreach: ["Penyuluhan Pertanian Keliling"],
        Partners: ["penyuluh pertanian lapangan", "kelompok tani", "kelompok wanita tani", "perguruan tinggi"],
        TitleSuffixes: ["", ", S.P.", ", S.P.", ", S.Pt.", ", S.KH.", ", M.P."]);

    public static readonly DemoTheme Perikanan = new(
        Category: "Pertanian, Perikanan dan Ketahanan Pangan",
        Sdgs: [14, 2, 8],
        TargetGroups: ["Petani dan nelayan", "Perempuan", "Pelaku usaha dan UMKM"],
        Service: "layanan kelautan dan perikanan",
        Issues:
        [
            new("nelayan kecil yang belum terlindungi asuransi", "persentase nelayan kecil yang terlindungi asuransi",
                ["nelayan kecil", "keluarga nelayan"],
                ["SI NELAYAN (Sistem Informasi Pendataan Nelayan Kecil)", "Nelayan Terlindungi"]),
            new("rendahnya mutu hasil tangkapan yang sampai ke pasar", "persentase hasil tangkapan yang memenuhi standar mutu",
                ["nelayan", "pedagang ikan"],
                ["Pasar Ikan Higienis", "Rantai Dingin untuk Nelayan"]),
            new("olahan ikan buatan istri nelayan yang sulit dipasarkan", "persentase kelompok pengolah ikan yang produknya masuk toko modern",
                ["istri nelayan", "kelompok pengolah hasil perikanan"],
                ["Perempuan Pesisir Berdaya", "SI IKAN (Sistem Informasi Pemasaran Hasil Perikanan)", "Gerakan Gemar Makan Ikan"]),
            new("tingginya biaya pakan bagi pembudi daya ikan", "persentase pembudi daya yang memakai pakan mandiri",
                ["pembudi daya ikan", "kelompok pembudi daya"],
                ["PAKAN MANDIRI (Pakan Ikan Murah dari Bahan Lokal)", "Kampung Nila Mandiri"]),
            new("minimnya informasi cuaca bagi nelayan sebelum melaut", "persentase nelayan yang menerima peringatan cuaca sebelum melaut",
                ["nelayan kecil", "keluarga nelayan"],
                ["Nelayan Cerdas Cuaca", "SI CUACA (Sistem Informasi Cuaca Melaut)"]),
        ],
        Outreach: [],
        Partners: ["kelompok nelayan", "penyuluh perikanan", "koperasi nelayan", "pemerintah desa pesisir"],
        TitleSuffixes: ["", ", S.Pi.", ", S.Pi.", ", M.Si."]);

    public static readonly DemoTheme Lingkungan = new(
        Category: "Lingkungan Hidup dan Ketangguhan Bencana",
        Sdgs: [13, 11, 6, 15, 12, 7],
        TargetGroups: ["Masyarakat umum", "Masyarakat daerah terpencil", "Perempuan"],
        Service: "layanan lingkungan hidup dan kebencanaan",
        Issues:
        [
            new("menumpuknya sampah rumah tangga yang tidak terpilah", "persentase sampah rumah tangga yang terkelola",
                ["rumah tangga", "pengelola bank sampah", "pelajar"],
                ["Bank Sampah Digital", "Tabungan Emas Sampah", "Gerakan Sedekah Sampah", "SI SAMPAH (Sistem Informasi Pengelolaan Bank Sampah)"]),
            new("banjir tahunan di permukiman bantaran sungai", "persentase warga bantaran sungai yang menerima peringatan dini banjir",
                ["warga bantaran sungai", "relawan tangguh bencana"],
                ["SIAGA BANJIR (Sistem Informasi dan Antisipasi Genangan Banjir)", "Sekolah Sungai", "Kentongan Digital"]),
            new("lambatnya informasi peringatan dini bencana sampai ke warga", "persentase desa rawan bencana yang berstatus desa tangguh bencana",
                ["warga desa rawan bencana", "relawan tangguh bencana", "pelajar"],
                ["SI BENCANA (Sistem Informasi Peringatan Dini Bencana)", "Gerakan Desa Tangguh Bencana", "TAS SIAGA (Tanggap Anak Sekolah Siaga Bencana)"]),
            new("krisis air bersih pada musim kemarau", "persentase rumah tangga yang terlayani air bersih",
                ["warga daerah rawan kekeringan", "rumah tangga"],
                ["Tandon Air Keliling", "SI AIR (Sistem Informasi Layanan Air Bersih)", "Panen Air Hujan"]),
            new("pencemaran sungai oleh limbah usaha kecil", "persentase titik pantau sungai yang memenuhi baku mutu",
                ["warga bantaran sungai", "pelaku usaha kecil"],
                ["Gerakan Sungai Bersih", "Kampung Iklim Lestari", "Klinik Limbah UMKM"]),
            new("kebakaran hutan dan lahan pada musim kemarau", "persentase titik panas yang tertangani kurang dari 24 jam",
                ["masyarakat sekitar hutan", "relawan pemadam kebakaran hutan"],
                ["Gerakan Menanam Sejuta Pohon", "Patroli Api Bersama Masyarakat"]),
        ],
        Outreach: [],
        Partners: ["relawan tangguh bencana", "pengelola bank sampah", "karang taruna", "komunitas peduli sungai"],
        TitleSuffixes: ["", ", S.T.", ", S.T.", ", S.Si.", ", M.T."]);

    public static readonly DemoTheme Ekonomi = new(
        Category: "Pemberdayaan Ekonomi dan UMKM",
        Sdgs: [8, 1, 9, 12],
        TargetGroups: ["Pelaku usaha dan UMKM", "Perempuan", "Masyarakat miskin"],
        Service: "layanan pemberdayaan usaha",
        Issues:
        [
            new("terbatasnya akses pelaku UMKM terhadap permodalan", "persentase UMKM binaan yang memperoleh kredit",
                ["pelaku UMKM", "pelaku usaha perempuan"],
                ["Kredit Tanpa Agunan bagi Usaha Mikro", "SI KREDIT (Sistem Informasi Akses Kredit Usaha Mikro)", "UMKM NAIK KELAS (Usaha Mikro Naik Kelas)"]),
            new("produk UMKM yang belum bersertifikat halal dan berkemasan layak", "persentase produk UMKM binaan yang bersertifikat halal",
                ["pelaku UMKM", "perajin makanan"],
                ["Klinik Halal Gratis", "Rumah Kemasan", "SI HALAL (Sistem Informasi Pendampingan Sertifikasi Halal)"]),
            new("sepinya kunjungan wisata di luar musim liburan", "tingkat hunian homestay desa wisata",
                ["pengelola desa wisata", "pelaku usaha wisata"],
                ["Desa Wisata Digital", "Kalender Wisata Sepanjang Tahun"]),
            new("harga bahan pokok yang tidak terpantau di pasar tradisional", "persentase pasar yang melaporkan harga harian",
                ["pedagang pasar", "konsumen rumah tangga"],
                ["SI HARGA (Sistem Informasi Pemantauan Harga Bahan Pokok)", "Pasar Murah Keliling"]),
            new("rendahnya literasi keuangan pelaku usaha mikro", "persentase pelaku usaha binaan yang memiliki pembukuan sederhana",
                ["pelaku usaha mikro", "pengurus koperasi"],
                ["KOPI MANTAP (Koperasi Petani Kopi Mandiri dan Tangguh)", "Sekolah Koperasi", "Gerakan Bangga Produk Lokal"]),
        ],
        Outreach: ["Layanan UMKM Keliling", "Klinik UMKM Akhir Pekan"],
        Partners: ["pendamping UMKM", "koperasi", "perguruan tinggi", "perbankan daerah"],
        TitleSuffixes: GeneralTitles);

    public static readonly DemoTheme Ketenagakerjaan = new(
        Category: "Pemberdayaan Ekonomi dan UMKM",
        Sdgs: [8, 4, 10],
        TargetGroups: ["Pelajar dan mahasiswa", "Penyandang disabilitas", "Masyarakat umum", "Perempuan"],
        Service: "layanan ketenagakerjaan",
        Issues:
        [
            new("tingginya pengangguran lulusan sekolah menengah kejuruan", "persentase lulusan pelatihan yang terserap kerja",
                ["lulusan SMK", "pencari kerja muda"],
                ["Bursa Kerja Keliling", "SI KERJA (Sistem Informasi Bursa Kerja Daring)", "Pameran Kerja Virtual"]),
            new("pelatihan kerja yang belum sesuai kebutuhan industri", "persentase program pelatihan yang disusun bersama industri",
                ["pencari kerja", "peserta pelatihan"],
                ["Pelatihan Kerja Berbasis Desa", "SI LATIH (Sistem Informasi Pendaftaran Pelatihan Kerja)"]),
            new("pekerja migran yang berangkat tanpa prosedur resmi", "persentase pekerja migran yang berangkat secara prosedural",
                ["calon pekerja migran", "keluarga pekerja migran"],
                ["Gerakan Migran Aman", "Desa Peduli Pekerja Migran"]),
            new("penyandang disabilitas yang sulit memperoleh pekerjaan", "persentase pencari kerja penyandang disabilitas yang ditempatkan",
                ["pencari kerja penyandang disabilitas", "keluarga penyandang disabilitas"],
                ["LOKER DIFABEL (Lowongan Kerja bagi Penyandang Disabilitas)", "Gerakan Siap Kerja Inklusif"]),
        ],
        Outreach: [],
        Partners: ["dunia usaha", "sekolah menengah kejuruan", "pemerintah desa", "lembaga pelatihan kerja swasta"],
        TitleSuffixes: GeneralTitles);

    public static readonly DemoTheme TataKelola = new(
        Category: "Tata Kelola Pemerintahan yang Efektif",
        Sdgs: [16, 17],
        TargetGroups: ["Aparatur sipil negara", "Masyarakat umum"],
        Service: "layanan administrasi pemerintahan",
        Issues:
        [
            new("lambatnya penanganan pengaduan masyarakat", "persentase pengaduan yang selesai tepat waktu",
                ["masyarakat pelapor", "perangkat daerah"],
                ["SI ADUAN (Sistem Informasi Pengaduan Masyarakat Terpadu)", "Lapor Sekali Tuntas"]),
            new("proses pengadaan barang dan jasa yang belum transparan", "persentase paket pengadaan yang diumumkan tepat waktu",
                ["penyedia barang dan jasa", "pejabat pengadaan"],
                ["Pengadaan Tanpa Tatap Muka", "Katalog Lokal Produk Daerah"]),
            new("tumpang tindih produk hukum daerah", "persentase produk hukum daerah yang terunggah di JDIH",
                ["perangkat daerah", "masyarakat umum", "perancang peraturan"],
                ["KLINIK HUKUM (Konsultasi Layanan Produk Hukum Daerah)", "SI JDIH (Sistem Informasi Dokumentasi dan Informasi Hukum)"]),
            new("rendahnya kompetensi aparatur dalam pelayanan publik", "persentase ASN yang menuntaskan pelatihan pelayanan prima",
                ["aparatur sipil negara", "petugas garis depan"],
                ["ASN BELAJAR (Akses Sumber Pengetahuan dan Belajar Mandiri ASN)", "Forum Inovasi Daerah", "SI KINERJA (Sistem Informasi Kinerja Pegawai)"]),
            new("arsip yang sulit ditelusuri saat dibutuhkan", "persentase arsip yang dapat ditemukan kurang dari lima menit",
                ["pengelola arsip", "perangkat daerah"],
                ["Arsip Cepat Temu", "SI ARSIP (Sistem Informasi Arsip Dinamis Elektronik)"]),
            new("perencanaan anggaran yang belum berbasis data", "persentase program yang anggarannya selaras dengan indikator kinerja",
                ["perencana perangkat daerah", "pemerintah desa"],
                ["SI RENCANA (Sistem Informasi Perencanaan dan Penganggaran Terpadu)", "Musrenbang Inklusif"]),
            new("lemahnya pengawasan pengelolaan dana desa", "persentase rekomendasi pemeriksaan yang ditindaklanjuti",
                ["pemerintah desa", "perangkat daerah"],
                ["Inspektur Menyapa Desa", "Klinik Pengawasan Dana Desa"]),
        ],
        Outreach: [],
        Partners: ["perangkat daerah", "pemerintah desa", "perguruan tinggi", "forum warga"],
        TitleSuffixes: GeneralTitles);

    public static readonly DemoTheme Digital = new(
        Category: "Transformasi Digital Pemerintahan",
        Sdgs: [9, 16, 17],
        TargetGroups: ["Masyarakat umum", "Aparatur sipil negara", "Pelajar dan mahasiswa"],
        Service: "layanan informasi publik",
        Issues:
        [
            new("desa yang belum terjangkau jaringan internet", "persentase desa yang terhubung internet",
                ["warga desa", "pelajar desa"],
                ["Desa Cerdas Terkoneksi", "SI WIFI (Sistem Informasi Internet Desa)", "Internet Gratis Taman Kota"]),
            new("data antarperangkat daerah yang tersebar dan tidak saling terhubung", "persentase data prioritas yang tersedia di portal satu data",
                ["perangkat daerah", "peneliti dan akademisi"],
                ["Pusat Data Bersama", "SI DATA (Sistem Informasi Satu Data Daerah)", "Gerakan Satu Data untuk Semua"]),
            new("informasi publik yang sulit diakses warga", "persentase permohonan informasi publik yang dijawab tepat waktu",
                ["pemohon informasi publik", "jurnalis", "masyarakat umum"],
                ["SI PPID (Sistem Informasi Layanan Informasi Publik)", "Informasi Publik dalam Genggaman"]),
            new("rendahnya kecakapan digital warga lanjut usia", "persentase peserta pelatihan yang mampu memakai layanan daring",
                ["lansia", "warga desa"],
                ["Kelas Digital Warga Senior", "Gerakan Desa Melek Digital"]),
        ],
        Outreach: [],
        Partners: ["pemerintah desa", "relawan TIK", "perguruan tinggi", "komunitas pengembang lokal"],
        TitleSuffixes: ["", ", S.Kom.", ", S.Kom.", ", S.T.", ", M.Kom."]);

    public static readonly ProvincialUnit[] ProvincialUnits =
    [
        new("Dinas Kesehatan Provinsi {prov}", Kesehatan, ["UPT Laboratorium Kesehatan Daerah", "UPT Pelatihan Kesehatan Masyarakat", "UPT Rumah Sakit Paru Jember", "UPT Rumah Sakit Kusta Kediri"]),
        new("Dinas Pendidikan Provinsi {prov}", Pendidikan, [], HasSchoolBranches: true),
        new("Badan Pendapatan Daerah Provinsi {prov}", Pendapatan,
        [
            "UPT Pendapatan Daerah (Samsat) Surabaya Utara", "UPT Pendapatan Daerah (Samsat) Surabaya Selatan", "UPT Pendapatan Daerah (Samsat) Surabaya Timur",
            "UPT Pendapatan Daerah (Samsat) Sidoarjo", "UPT Pendapatan Daerah (Samsat) Gresik", "UPT Pendapatan Daerah (Samsat) Malang Kota",
            "UPT Pendapatan Daerah (Samsat) Kepanjen", "UPT Pendapatan Daerah (Samsat) Kediri", "UPT Pendapatan Daerah (Samsat) Jember",
            "UPT Pendapatan Daerah (Samsat) Madiun", "UPT Pendapatan Daerah (Samsat) Banyuwangi", "UPT Pendapatan Daerah (Samsat) Pamekasan",
        ]),
        new("Dinas Sosial Provinsi {prov}", Sosial, ["UPT Pelayanan Sosial Lanjut Usia Jombang", "UPT Rehabilitasi Sosial Bina Netra Malang", "UPT Pelayanan Sosial Asuhan Anak Sidoarjo", "UPT Rehabilitasi Sosial Bina Laras Kediri"]),
        new("Dinas Perhubungan Provinsi {prov}", Perhubungan, ["UPT Lalu Lintas dan Angkutan Jalan Surabaya", "UPT Lalu Lintas dan Angkutan Jalan Malang", "UPT Lalu Lintas dan Angkutan Jalan Madiun", "UPT Lalu Lintas dan Angkutan Jalan Jember"]),
        new("Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Kependudukan Provinsi {prov}", Sosial, ["UPT Perlindungan Perempuan dan Anak"]),
        new("Badan Penanggulangan Bencana Daerah Provinsi {prov}", Lingkungan, []),
        new("Biro Organisasi Sekretariat Daerah Provinsi {prov}", TataKelola, []),
        new("Biro Hukum Sekretariat Daerah Provinsi {prov}", TataKelola, []),
        new("Inspektorat Provinsi {prov}", TataKelola, []),
        new("RSUD Dr. Soetomo", Kesehatan, []),
        new("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Provinsi {prov}", Perizinan, ["UPT Pelayanan Perizinan dan Nonperizinan"]),
        new("Dinas Koperasi dan Usaha Kecil dan Menengah Provinsi {prov}", Ekonomi, ["UPT Pelatihan Koperasi dan Usaha Kecil Menengah"]),
        new("Dinas Pertanian dan Ketahanan Pangan Provinsi {prov}", Pertanian, ["UPT Proteksi Tanaman Pangan dan Hortikultura", "UPT Pengembangan Benih Padi dan Palawija", "UPT Pengawasan dan Sertifikasi Benih"]),
        new("Dinas Kelautan dan Perikanan Provinsi {prov}", Perikanan, ["UPT Pelabuhan Perikanan Pantai Mayangan", "UPT Perikanan Air Payau dan Laut Situbondo", "UPT Pengujian Mutu Hasil Perikanan"]),
        new("Dinas Peternakan Provinsi {prov}", Pertanian, ["UPT Laboratorium Kesehatan Hewan Malang", "UPT Pembibitan Ternak Sapi Potong"]),
        new("Dinas Komunikasi dan Informatika Provinsi {prov}", Digital, []),
        new("Satuan Polisi Pamong Praja Provinsi {prov}", TataKelola, []),
        new("Badan Kepegawaian Daerah Provinsi {prov}", TataKelola, ["UPT Penilaian Kompetensi Pegawai"]),
        new("Badan Perencanaan Pembangunan Daerah Provinsi {prov}", TataKelola, []),
        new("Dinas Pekerjaan Umum Bina Marga Provinsi {prov}", Perhubungan, ["UPT Pengelolaan Jalan dan Jembatan Malang", "UPT Pengelolaan Jalan dan Jembatan Madiun", "UPT Pengelolaan Jalan dan Jembatan Pamekasan"]),
        new("Dinas Perkebunan Provinsi {prov}", Pertanian, ["UPT Proteksi Tanaman Perkebunan"]),
        new("Dinas Kehutanan Provinsi {prov}", Lingkungan, ["Cabang Dinas Kehutanan Wilayah Madiun", "Cabang Dinas Kehutanan Wilayah Malang", "Cabang Dinas Kehutanan Wilayah Jember", "UPT Taman Hutan Raya Raden Soerjo"]),
        new("Dinas Lingkungan Hidup Provinsi {prov}", Lingkungan, ["UPT Laboratorium Lingkungan"]),
        new("Dinas Tenaga Kerja dan Transmigrasi Provinsi {prov}", Ketenagakerjaan, ["UPT Pelatihan Kerja Surabaya", "UPT Pelatihan Kerja Singosari", "UPT Pelatihan Kerja Jember", "UPT Pengawasan Ketenagakerjaan Madiun"]),
        new("Dinas Kepemudaan dan Olahraga Provinsi {prov}", Pendidikan, []),
        new("Dinas Kebudayaan dan Pariwisata Provinsi {prov}", Ekonomi, ["UPT Museum Mpu Tantular", "UPT Taman Budaya"]),
        new("Dinas Perindustrian dan Perdagangan Provinsi {prov}", Ekonomi, ["UPT Perlindungan Konsumen Surabaya", "UPT Metrologi Legal", "UPT Industri Kecil dan Menengah Sidoarjo"]),
        new("Dinas Energi dan Sumber Daya Mineral Provinsi {prov}", Lingkungan, ["Cabang Dinas ESDM Wilayah Malang", "Cabang Dinas ESDM Wilayah Jember"]),
        new("Dinas Perumahan Rakyat, Kawasan Permukiman dan Cipta Karya Provinsi {prov}", Lingkungan, []),
        new("Dinas Pemberdayaan Masyarakat dan Desa Provinsi {prov}", Sosial, []),
        new("Badan Kesatuan Bangsa dan Politik Provinsi {prov}", TataKelola, []),
        new("Dinas Perpustakaan dan Kearsipan Provinsi {prov}", Pendidikan, []),
        new("Badan Penghubung Daerah Provinsi {prov}", TataKelola, []),
        new("Badan Pengembangan Sumber Daya Manusia Provinsi {prov}", TataKelola, []),
        new("Badan Riset dan Inovasi Daerah Provinsi {prov}", Digital, []),
        new("Biro Pemerintahan dan Otonomi Daerah Sekretariat Daerah Provinsi {prov}", TataKelola, []),
        new("Biro Perekonomian Sekretariat Daerah Provinsi {prov}", Ekonomi, []),
        new("Biro Kesejahteraan Rakyat Sekretariat Daerah Provinsi {prov}", Sosial, []),
        new("Biro Umum Sekretariat Daerah Provinsi {prov}", TataKelola, []),
        new("Biro Administrasi Pimpinan Sekretariat Daerah Provinsi {prov}", TataKelola, []),
        new("Biro Pengadaan Barang/Jasa Sekretariat Daerah Provinsi {prov}", TataKelola, []),
        new("RSUD Dr. Saiful Anwar", Kesehatan, []),
        new("Rumah Sakit Jiwa Menur", Kesehatan, []),
        new("RSUD Haji Provinsi {prov}", Kesehatan, []),
        new("RSUD Dr. Soedono Madiun", Kesehatan, []),
        new("Dinas Pekerjaan Umum Sumber Daya Air Provinsi {prov}", Lingkungan, ["UPT Pengelolaan Sumber Daya Air Wilayah Sungai Bengawan Solo", "UPT Pengelolaan Sumber Daya Air Wilayah Sungai Brantas", "UPT Pengelolaan Sumber Daya Air Wilayah Sungai Madura"]),
        new("Badan Pengelola Keuangan dan Aset Daerah Provinsi {prov}", TataKelola, []),
        new("Sekretariat DPRD Provinsi {prov}", TataKelola, []),
        new("Dinas Ketahanan Pangan dan Hortikultura Provinsi {prov}", Pertanian, []),
    ];

    /// <summary>Cabang Dinas Pendidikan regions and the town their SMA/SMK take their names from.</summary>
    public static readonly (string Region, string Town)[] SchoolBranches =
    [
        ("Surabaya", "Surabaya"), ("Sidoarjo", "Sidoarjo"), ("Malang", "Malang"), ("Kabupaten Malang", "Kepanjen"),
        ("Jember", "Jember"), ("Banyuwangi", "Banyuwangi"), ("Kediri", "Kediri"), ("Madiun", "Madiun"),
        ("Bojonegoro", "Bojonegoro"), ("Tulungagung", "Tulungagung"), ("Pamekasan", "Pamekasan"), ("Probolinggo", "Probolinggo"),
        ("Gresik", "Gresik"), ("Jombang", "Jombang"), ("Situbondo", "Situbondo"), ("Ponorogo", "Ponorogo"),
    ];

    public static readonly (string Name, DemoTheme Theme)[] ProvincialBumd =
    [
        ("PT Bank Pembangunan Daerah Jawa Timur Tbk (Bank Jatim)", Ekonomi),
        ("PT Bank Perekonomian Rakyat Jatim (Bank UMKM Jawa Timur)", Ekonomi),
        ("PT Penjaminan Kredit Daerah Jawa Timur (Jamkrida Jatim)", Ekonomi),
        ("PT Petrogas Jatim Utama", Lingkungan),
        ("PT Panca Wira Usaha Jawa Timur", Ekonomi),
        ("PT Jatim Grha Utama", Ekonomi),
    ];

    /// <summary>Every kabupaten/kota gets these...</summary>
    public static readonly LocalUnit[] CoreLocalUnits =
    [
        new("Dinas Kesehatan", Kesehatan),
        new("Dinas Pendidikan", Pendidikan),
        new("Dinas Kependudukan dan Pencatatan Sipil", Adminduk),
        new("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", Perizinan),
        new("Dinas Sosial", Sosial),
    ];

    /// <summary>...and a couple of these, so the kabupaten/kota don't all look alike.</summary>
    public static readonly LocalUnit[] ExtraLocalUnits =
    [
        new("Dinas Perhubungan", Perhubungan),
        new("Dinas Komunikasi dan Informatika", Digital),
        new("Dinas Lingkungan Hidup", Lingkungan),
        new("Badan Perencanaan Pembangunan Daerah", TataKelola),
        new("Dinas Koperasi dan Usaha Mikro", Ekonomi),
        new("Dinas Pertanian dan Ketahanan Pangan", Pertanian),
        new("Dinas Tenaga Kerja", Ketenagakerjaan),
        new("Badan Penanggulangan Bencana Daerah", Lingkungan),
        new("Badan Pendapatan Daerah", Pendapatan),
        new("Dinas Perikanan", Perikanan),
        new("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", Sosial),
        new("Inspektorat", TataKelola),
    ];

    public static readonly string[] FemaleFirst =
        ["Siti", "Sri", "Dwi", "Nur", "Rina", "Endang", "Retno", "Dewi", "Yuliana", "Fitri", "Indah", "Lilik", "Anik", "Dian", "Ratna", "Wulan", "Laili", "Umi", "Evi", "Tri"];

    public static readonly string[] FemaleLast =
        ["Aminah", "Wahyuni", "Rahayu", "Hidayati", "Lestari", "Wulandari", "Kusumawati", "Handayani", "Puspitasari", "Susanti", "Rahmawati", "Anggraini", "Maharani", "Safitri", "Fitriyah", "Mariyati", "Sulistyowati", "Kartikasari"];

    public static readonly string[] MaleFirst =
        ["Budi", "Agus", "Eko", "Ahmad", "Moch.", "Bambang", "Teguh", "Wahyu", "Heru", "Joko", "Rudi", "Hendra", "Andri", "Abdul", "Imam", "Slamet", "Arif", "Dedi", "Rizky", "Yusuf", "Didik", "Hari"];

    public static readonly string[] MaleLast =
        ["Santoso", "Setiawan", "Prasetyo", "Fauzi", "Arifin", "Purnomo", "Sugiarto", "Wibowo", "Hidayat", "Susanto", "Susilo", "Hartono", "Gunawan", "Kurniawan", "Rohman", "Syaifuddin", "Nugroho", "Saputra", "Firmansyah", "Hakim", "Mustofa", "Wicaksono"];

    public static readonly string[] TeamPositions =
        ["Sekretaris Tim", "Anggota", "Anggota", "Koordinator Lapangan", "Pengelola Data", "Pranata Komputer", "Analis Kebijakan", "Pendamping Teknis", "Bendahara Tim"];

    public static readonly string[] DigitalMechanisms =
    [
        "aplikasi berbasis web yang dapat dibuka dari telepon genggam",
        "layanan pendaftaran dan konsultasi melalui WhatsApp",
        "dasbor data terpadu yang diperbarui setiap hari",
        "formulir daring dengan tanda tangan elektronik",
        "kode QR yang terhubung ke basis data layanan",
    ];

    public static readonly string[] NonDigitalMechanisms =
    [
        "petugas yang mendatangi warga secara terjadwal",
        "pos layanan terpadu di balai desa",
        "pendampingan oleh kader terlatih di setiap desa",
        "forum musyawarah rutin bersama tokoh masyarakat",
        "layanan keliling dengan kendaraan operasional",
    ];

    public static readonly string[] DigitalNovelties =
    [
        "penggabungan pendaftaran, verifikasi dan pelacakan layanan dalam satu aplikasi",
        "pemanfaatan WhatsApp sebagai kanal layanan resmi yang sudah akrab bagi warga",
        "integrasi dengan data kependudukan sehingga warga tidak perlu mengunggah ulang dokumen",
        "dasbor pemantauan yang dapat dilihat pimpinan dan masyarakat secara terbuka",
    ];

    public static readonly string[] NonDigitalNovelties =
    [
        "pelibatan kader dan tokoh masyarakat sebagai perpanjangan tangan petugas",
        "layanan yang dibawa langsung ke desa dan rumah warga",
        "kemitraan lintas sektor dengan pemerintah desa, sekolah dan dunia usaha",
        "jadwal layanan di luar jam kerja yang menyesuaikan waktu luang warga",
    ];

    public static readonly string[] OldWays =
    [
        "warga harus datang sendiri ke kantor layanan dengan membawa berkas fisik",
        "pencatatan dilakukan manual di buku register sehingga data sering tercecer",
        "koordinasi antarpetugas bergantung pada surat dan pertemuan tatap muka",
        "layanan hanya tersedia pada jam kerja di kantor induk",
    ];

    public static readonly string[] ReplicationReasons =
    [
        "tidak memerlukan peralatan khusus",
        "prosedurnya sederhana dan sudah dibakukan dalam standar operasional prosedur",
        "biayanya rendah dan bertumpu pada sumber daya yang sudah ada",
    ];

    public static readonly string[] DigitalReplicationReasons =
    [
        "aplikasinya dapat dipasang ulang oleh perangkat daerah lain tanpa biaya lisensi",
        "aplikasinya berjalan di telepon genggam biasa dan tidak memerlukan perangkat khusus",
    ];

    public static readonly string[] SocialStrategies =
    [
        "sosialisasi rutin melalui media sosial, radio komunitas dan forum warga",
        "pembentukan komunitas pengguna yang memberi masukan setiap triwulan",
        "pemberian penghargaan bagi desa dan petugas dengan capaian terbaik",
    ];

    public static readonly string[] EconomicStrategies =
    [
        "biaya operasional masuk anggaran rutin perangkat daerah sehingga tidak bergantung pada hibah",
        "pembagian biaya operasional dengan pemerintah desa melalui dana desa",
        "pemanfaatan sarana yang sudah ada sehingga biaya pemeliharaan rendah",
    ];

    /// <summary>Words that tell an innovation's kind from its name; names with neither are split at random.</summary>
    public static readonly string[] DigitalWords = ["SI ", "Sistem", "Digital", "Daring", "Online", "Virtual", "Internet", "WhatsApp", "Kode QR", "KLIK", "Data", "Genggaman", "Tanpa Tatap Muka", "Tanpa Antre", "Katalog", "Peta", "Pengingat", "Lapor Sekali"];

    public static readonly string[] NonDigitalWords = ["Keliling", "Jemput", "Gerakan", "Kelas", "Rumah", "Pojok", "Posko", "Posyandu", "Sekolah", "Kampung", "Dapur", "Warung", "Pasar", "Dari Rumah", "Masuk Desa", "Malam Hari", "Akhir Pekan", "Musyawarah", "Patroli"];
}
