using Kovablik.Competitions.Proposals;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Kelola.Proposal;

/// <summary>
/// The form posts of the evidence section on the proposal's edit page: upload or remove a slot's file, add or remove a
/// link, re-check links. Each answers with a redirect back to the edit page (post-redirect-get, no JavaScript needed);
/// a refusal is carried in TempData and shown next to the slot or the link form.
/// </summary>
[Authorize(Policy = Policies.InnovationEditor)]
public sealed class BuktiModel(ProposalEvidenceService evidence, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string NoticeKey = "EvidenceNotice";
    public const string LinkErrorKey = "EvidenceLinkError";
    public static string SlotErrorKey(string slot) => "EvidenceError:" + slot;

    public IActionResult OnGet(int id) => Redirect(Back(id));

    public async Task<IActionResult> OnPostUploadAsync(int id, string? slot, IFormFile? file, CancellationToken ct)
    {
        var startedAt = RequestStart.Of(HttpContext);
        var key = slot ?? "";
        if (file is null || file.Length == 0)
        {
            TempData[SlotErrorKey(key)] = l["Pilih berkas yang akan diunggah."].Value;
            return Redirect(Back(id));
        }
        await using var stream = file.OpenReadStream();
        var result = await evidence.UploadAsync(id, key, file.FileName, stream, startedAt, await user.ScopeAsync(ct), ct);
        return Answer(id, result, SlotErrorKey(key), () => string.Format(l["Berkas {0} diunggah."], result.Value!.OriginalFileName));
    }

    public async Task<IActionResult> OnPostDeleteDocumentAsync(int id, Guid documentId, string? slot, CancellationToken ct)
    {
        var result = await evidence.DeleteDocumentAsync(id, documentId, await user.ScopeAsync(ct), ct);
        return Answer(id, result, SlotErrorKey(slot ?? ""), () => l["Berkas dihapus."].Value);
    }

    public async Task<IActionResult> OnPostAddLinkAsync(int id, LinkKind? kind, string? url, string? label, string? durationNote, CancellationToken ct)
    {
        var result = await evidence.AddLinkAsync(id, new ProposalLinkInput(kind, url, label, durationNote), await user.ScopeAsync(ct), ct);
        return Answer(id, result, LinkErrorKey, () => l["Tautan ditambahkan."].Value);
    }

    public async Task<IActionResult> OnPostDeleteLinkAsync(int id, int linkId, CancellationToken ct)
    {
        var result = await evidence.DeleteLinkAsync(id, linkId, await user.ScopeAsync(ct), ct);
        return Answer(id, result, LinkErrorKey, () => l["Tautan dihapus."].Value);
    }

    public async Task<IActionResult> OnPostRecheckAsync(int id, CancellationToken ct)
    {
        var result = await evidence.RecheckAsync(id, await user.ScopeAsync(ct), ct);
        return Answer(id, result, LinkErrorKey, () => l["Tautan sudah diperiksa ulang."].Value);
    }

    private IActionResult Answer<T>(int id, Result<T> result, string errorKey, Func<string> notice)
    {
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (result.Succeeded) TempData[NoticeKey] = notice();
        else TempData[errorKey] = string.Join(" ", result.Errors.Values.SelectMany(v => v).Select(l.Message));
        return Redirect(Back(id));
    }

    private static string Back(int id) => $"/Kelola/Proposal/Ubah/{id}#bukti";
}
