using System.IO.Compression;
using System.Text.Json;
using Kovablik.Competitions.Proposals.Pack;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Kelola.Proposal;

/// <summary>
/// The offline pack: download it, upload the filled pack to see what would change, then apply. Between the two
/// posts the read pack travels in the apply form, compressed and protected (signed, encrypted, valid one hour, bound
/// to this user and proposal), so nothing is kept on the server and the unit does not choose the file twice.
/// </summary>
[Authorize(Policy = Policies.InnovationEditor)]
public sealed class PaketModel(Competitions.Proposals.ProposalService proposals, ProposalPackService packs, CurrentUser user,
    IDataProtectionProvider protection, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string ExpiredMessage = "Perbandingan paket sudah kedaluwarsa atau tidak valid. Unggah paket lagi.";
    public const string AppliedNotice = "Perubahan dari paket luring diterapkan.";
    public const string NothingToApplyNotice = "Tidak ada perubahan dari paket yang perlu diterapkan.";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    public Competitions.Proposals.Proposal Proposal { get; private set; } = null!;
    public PackDiff? Diff { get; private set; }
    public string? Token { get; private set; }
    public List<string> Errors { get; private set; } = [];
    public string? Notice { get; private set; }

    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }
    [BindProperty(Name = "Token")] public string? PostedToken { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (TempData["Notice"] is string notice) Notice = l[notice];
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken ct)
    {
        var result = await packs.ExportAsync(id, await user.ScopeAsync(ct), ct);
        if (!result.Succeeded) return NotFound();
        return File(result.Value!.Content, "application/zip", result.Value.FileName);
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Upload is null || Upload.Length == 0) return Fail(Api.ProposalPackApi.NoFileMessage);
        Result<PackContent> read;
        await using (var stream = Upload.OpenReadStream()) read = await PackReader.ReadAsync(stream, ct);
        if (!read.Succeeded) return Fail(read.Errors);
        var compared = await packs.CompareAsync(id, read.Value!, await user.ScopeAsync(ct), apply: false, ct: ct);
        if (compared.Kind == ResultKind.NotFound) return NotFound();
        if (!compared.Succeeded) return Fail(compared.Errors);
        Diff = compared.Value;
        Token = Protect(id, read.Value!);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var pack = Unprotect(id, PostedToken);
        if (pack is null) return Fail(ExpiredMessage);
        var scope = await user.ScopeAsync(ct);
        var choices = Api.ProposalPackApi.Choices(Request.Form) ?? [];
        var applied = await packs.CompareAsync(id, pack, scope, apply: true, choices, ct);
        if (applied.Kind == ResultKind.NotFound) return NotFound();
        if (applied.Succeeded)
        {
            TempData["Notice"] = applied.Value!.Applied ? AppliedNotice : NothingToApplyNotice;
            return Redirect(applied.Value.Applied ? $"/Kelola/Proposal/Ubah/{id}" : $"/Kelola/Proposal/Paket/{id}");
        }
        // Show the comparison again (as it stands now) next to the reason nothing was applied.
        var again = await packs.CompareAsync(id, pack, scope, apply: false, choices, ct);
        if (again.Succeeded)
        {
            Diff = again.Value;
            Token = Protect(id, pack);
        }
        return Fail(applied.Errors, applied.Kind == ResultKind.Conflict ? 409 : 400);
    }

    private PageResult Fail(string message) => Fail(new Dictionary<string, string[]> { [""] = [message] });

    private PageResult Fail(IReadOnlyDictionary<string, string[]> errors, int status = 400)
    {
        Errors.AddRange(errors.Values.SelectMany(v => v).Select(l.Message));
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await proposals.GetAsync(id, await user.ScopeAsync(ct), ct);
        if (!found.Succeeded) return false;
        Proposal = found.Value!;
        return true;
    }

    private sealed record Ticket(int ProposalId, string? UserId, PackContent Pack);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Kovablik.ProposalPack.Compare.v1").ToTimeLimitedDataProtector();

    private string Protect(int id, PackContent pack)
    {
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            JsonSerializer.Serialize(brotli, new Ticket(id, user.Id, pack));
        return Convert.ToBase64String(Protector.Protect(compressed.ToArray(), TokenLifetime));
    }

    private PackContent? Unprotect(int id, string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var bytes = Protector.Unprotect(Convert.FromBase64String(token), out _);
            using var brotli = new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress);
            var ticket = JsonSerializer.Deserialize<Ticket>(brotli);
            return ticket is not null && ticket.ProposalId == id && ticket.UserId == user.Id ? ticket.Pack : null;
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException or JsonException or InvalidDataException)
        {
            return null;
        }
    }
}
