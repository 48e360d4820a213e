using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Tests.Infrastructure;

namespace Kovablik.Tests.Localization;

/// <summary>Domain messages with arguments (Message.Format) reach API clients translated, with the numbers in their culture.</summary>
public abstract class MessageLocalisationTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private async Task<(int UnitId, HttpClient Client)> OperatorAsync()
    {
        var kota = await App.KabKotaAsync();
        var unit = await App.CreateOrganisationAsync("Puskesmas Bahasa", kota.Id);
        return (unit.Id, App.ClientFor(await App.CreateUserAsync(Roles.Operator, unit.Id)));
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, int innovationId, string query) =>
        // The test host allows 100 KB (KovablikAppFactory.MaxAttachmentBytes), i.e. 0.09765625 MB.
        client.PostAsync($"/api/v1/innovations/{innovationId}/attachments{query}", Files.Multipart(Files.Pdf(200 * 1024), "besar.pdf"), Ct);

    [Theory]
    [InlineData("?culture=en", "The file is larger than the 0.1 MB limit.")]
    [InlineData("", "Ukuran berkas melebihi batas 0,1 MB.")]
    [InlineData("?culture=id-ID", "Ukuran berkas melebihi batas 0,1 MB.")]
    public async Task Oversized_attachment_message_is_translated_with_its_number(string query, string expected)
    {
        var (unitId, client) = await OperatorAsync();
        var innovation = await App.CreateInnovationAsync(unitId);
        var errors = await (await UploadAsync(client, innovation.Id, query)).ValidationErrorsAsync();
        Assert.Equal([expected], errors["File"]);
    }

    [Fact]
    public async Task Section_title_inside_a_message_is_translated_too()
    {
        var (unitId, client) = await OperatorAsync();
        var input = await App.WithDbAsync(db => KovablikAppFactory.CompleteInputAsync(db, unitId, $"Inovasi {KovablikAppFactory.Unique()}"));
        input.LatarBelakang = new string('a', InnovationSections.MaxSectionLength + 1);

        var english = await (await client.PostJsonAsync("/api/v1/innovations?culture=en", input)).ValidationErrorsAsync();
        Assert.Equal(["The Background and Objectives section is too long (maximum 20,000 characters)."], english["LatarBelakang"]);
        var indonesian = await (await client.PostJsonAsync("/api/v1/innovations", input)).ValidationErrorsAsync();
        Assert.Equal(["Bagian Latar Belakang dan Tujuan terlalu panjang (maksimal 20.000 karakter)."], indonesian["LatarBelakang"]);
    }

    [Fact]
    public async Task Import_rows_are_translated_for_API_clients()
    {
        var admin = App.ClientFor(await App.CreateUserAsync(Roles.Administrator, null));
        var code = "T" + KovablikAppFactory.Unique();
        var csv = $"code,name,type,parent_code\n{code},Unit Yatim,UPP,TIDAK.ADA\n";

        async Task<string> ReasonAsync(string query)
        {
            var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(file, "file", "units.csv");
            var plan = await (await admin.PostAsync($"/api/v1/organisations/import?dryRun=true{query}", content, Ct)).ShouldBeOk<JsonElement>();
            return Assert.Single(plan.GetProperty("rows").EnumerateArray()).GetProperty("reason").GetString()!;
        }

        Assert.Equal("Parent code TIDAK.ADA was found neither in the database nor in this file.", await ReasonAsync("&culture=en"));
        Assert.Equal("Kode induk TIDAK.ADA tidak ditemukan, baik di basis data maupun di berkas ini.", await ReasonAsync(""));
    }
}

public sealed class MessageLocalisationTestsSqlite() : MessageLocalisationTests(DatabaseProvider.Sqlite);

public sealed class MessageLocalisationTestsPostgres() : MessageLocalisationTests(DatabaseProvider.Postgres);
