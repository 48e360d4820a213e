using System.Net;
using System.Security.Cryptography;
using System.Text;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Kovablik.Tests.Innovations;

public abstract class AttachmentTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private async Task<(Innovation Innovation, HttpClient Client)> SetUpAsync(bool publish = false)
    {
        var kota = await App.KabKotaAsync();
        var unit = await App.CreateOrganisationAsync("Puskesmas Berkas", kota.Id);
        var innovation = await App.CreateInnovationAsync(unit.Id, publish: publish);
        return (innovation, App.ClientFor(await App.CreateUserAsync(Roles.Operator, unit.Id)));
    }

    private int StoredFileCount() =>
        Directory.Exists(App.FilesDirectory) ? Directory.EnumerateFiles(App.FilesDirectory, "*", SearchOption.AllDirectories).Count() : 0;

    [Fact]
    public async Task Pdf_upload_is_stored_with_its_sha256()
    {
        var (innovation, client) = await SetUpAsync();
        var pdf = Files.Pdf(5_000);
        var response = await client.UploadAsync(innovation.Id, pdf, "Laporan Akhir.pdf", "SkDecree");
        var dto = await response.ShouldBeCreated<AttachmentDto>();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), dto.Sha256);
        Assert.Equal(pdf.Length, dto.Size);
        Assert.Equal("application/pdf", dto.ContentType);
        Assert.Equal("SkDecree", dto.Kind);
        Assert.Equal("Laporan Akhir.pdf", dto.FileName);
        Assert.Equal($"/berkas/{dto.Id}", dto.Url);
        Assert.Null(dto.ThumbnailUrl);

        var stored = await App.WithDbAsync(db => db.Attachments.SingleAsync(a => a.Id == dto.Id, Ct));
        Assert.Equal(innovation.Id, stored.InnovationId);
        Assert.DoesNotContain("Laporan", stored.StorageKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Png_upload_gets_a_jpeg_thumbnail()
    {
        var (innovation, client) = await SetUpAsync();
        var png = Files.Png(800, 400);
        var dto = await (await client.UploadAsync(innovation.Id, png, "foto-kegiatan.png", "Image")).ShouldBeCreated<AttachmentDto>();
        Assert.Equal("image/png", dto.ContentType);
        Assert.Equal($"/berkas/{dto.Id}/thumb", dto.ThumbnailUrl);

        var thumb = await client.GetAsync(dto.ThumbnailUrl, Ct);
        await thumb.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType?.MediaType);
        var bytes = await thumb.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xFF, 0xD8, 0xFF], bytes[..3]);
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal(320, decoded.Width);
        Assert.Equal(160, decoded.Height);
    }

    [Fact]
    public async Task Download_is_an_attachment_that_browsers_must_not_sniff()
    {
        var (innovation, client) = await SetUpAsync();
        var pdf = Files.Pdf();
        var dto = await (await client.UploadAsync(innovation.Id, pdf, "bukti.pdf")).ShouldBeCreated<AttachmentDto>();

        var response = await client.GetAsync(dto.Url, Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("bukti.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Attachments_of_a_published_innovation_are_public()
    {
        var (innovation, client) = await SetUpAsync(publish: true);
        var dto = await (await client.UploadAsync(innovation.Id, Files.Pdf(), "publik.pdf")).ShouldBeCreated<AttachmentDto>();
        await (await App.AnonymousClient().GetAsync(dto.Url, Ct)).ShouldBe(HttpStatusCode.OK);
    }

    public static TheoryData<string, byte[], string, string?> RefusedFiles() => new()
    {
        { "HTML disguised as PDF", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), "laporan.pdf", null },
        { "HTML without doctype named PDF", Encoding.UTF8.GetBytes("\uFEFF  <html><script>alert(1)</script></html>"), "laporan.pdf", null },
        { "SVG with a script", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "logo.svg", null },
        { "SVG named PNG", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "logo.png", "Image" },
        { "Windows executable", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF], "setup.exe", null },
        { "PDF renamed PNG", Files.Pdf(), "foto.png", null },
        { "path traversal in the name", Files.Pdf(), "../../etc/passwd.pdf", null },
        { "backslash path in the name", Files.Pdf(), "..\\..\\windows\\win.ini.pdf", null },
        { "oversize PDF", Files.Pdf(200 * 1024), "besar.pdf", null },
        { "empty file", [], "kosong.pdf", null },
        { "PNG as SK decree", Files.Png(), "sk.png", "SkDecree" },
        { "PDF as photo", Files.Pdf(), "foto.pdf", "Image" },
        { "unknown kind", Files.Pdf(), "bukti.pdf", "Virus" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Unsafe_or_invalid_upload_is_refused_and_nothing_is_stored(string why, byte[] content, string fileName, string? kind)
    {
        var (innovation, client) = await SetUpAsync();
        var filesBefore = StoredFileCount();
        var errors = await (await client.UploadAsync(innovation.Id, content, fileName, kind)).ValidationErrorsAsync();
        Assert.True(errors.ContainsKey("File") || errors.ContainsKey("Kind"), $"{why}: errors were {string.Join(", ", errors.Keys)}");
        Assert.Equal(0, await App.WithDbAsync(db => db.Attachments.CountAsync(a => a.InnovationId == innovation.Id, Ct)));
        Assert.Equal(filesBefore, StoredFileCount());
    }

    [Fact]
    public async Task Upload_that_is_not_multipart_is_refused()
    {
        var (innovation, client) = await SetUpAsync();
        var response = await client.PostRawJsonAsync($"/api/v1/innovations/{innovation.Id}/attachments", "{\"file\":\"JVBERi0xLjQ=\"}");
        Assert.Contains("file", await response.ValidationErrorsAsync());
        var raw = await client.PostAsync($"/api/v1/innovations/{innovation.Id}/attachments", new ByteArrayContent(Files.Pdf()) { Headers = { ContentType = new("application/pdf") } }, Ct);
        Assert.Contains("file", await raw.ValidationErrorsAsync());
        Assert.Equal(0, await App.WithDbAsync(db => db.Attachments.CountAsync(a => a.InnovationId == innovation.Id, Ct)));
    }

    [Fact]
    public async Task Multipart_without_a_file_field_is_refused()
    {
        var (innovation, client) = await SetUpAsync();
        var form = new MultipartFormDataContent { { new StringContent("Evidence"), "kind" } };
        var response = await client.PostAsync($"/api/v1/innovations/{innovation.Id}/attachments", form, Ct);
        Assert.Contains("file", await response.ValidationErrorsAsync());
    }
}

public sealed class AttachmentTestsSqlite() : AttachmentTests(DatabaseProvider.Sqlite);

public sealed class AttachmentTestsPostgres() : AttachmentTests(DatabaseProvider.Postgres);
