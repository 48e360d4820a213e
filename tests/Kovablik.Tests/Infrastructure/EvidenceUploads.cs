using System.Net;
using System.Net.Http.Headers;

namespace Kovablik.Tests.Infrastructure;

/// <summary>Uploads into a proposal's document slots, as the API takes them.</summary>
public static class EvidenceUploads
{
    /// <summary>The default slots of every group (EditionDefaults): both required PDFs.</summary>
    public static readonly string[] RequiredSlots = ["Proposal", "SkInovator"];

    public static MultipartFormDataContent Form(string slot, byte[] content, string fileName, string contentType = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(new StringContent(slot), "slot");
        form.Add(file, "file", fileName);
        return form;
    }

    public static Task<HttpResponseMessage> UploadDocumentAsync(this HttpClient client, int proposalId, string slot, byte[] content, string fileName = "berkas.pdf") =>
        client.PostAsync($"/api/v1/proposals/{proposalId}/documents", Form(slot, content, fileName));

    /// <summary>A small PDF in every required default slot, so the checklist has no missing document.</summary>
    public static async Task UploadRequiredDocumentsAsync(this HttpClient client, int proposalId)
    {
        foreach (var slot in RequiredSlots)
            await client.UploadDocumentAsync(proposalId, slot, Files.Pdf(), slot.ToLowerInvariant() + ".pdf").ShouldBe(HttpStatusCode.Created);
    }
}
