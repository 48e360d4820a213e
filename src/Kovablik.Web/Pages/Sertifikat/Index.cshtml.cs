using Kovablik.Competitions.Judging.Awards;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kovablik.Web.Pages.Sertifikat;

/// <summary>
/// Public verification of a certificate (the QR code's target): authentic with its details and the SHA-256 of the
/// issued PDF, revoked, or not found. Rate-limited per client address, as the codes must not be guessable by trying.
/// Panitia and the awarded unit also download the PDF here.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebSetup.FeedbackRateLimit)]
public sealed class IndexModel(EditionAwardService service, CurrentUser user) : PageModel
{
    public string? Code { get; private set; }
    public CertificateView? View { get; private set; }
    public bool MayDownload { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        Code = code?.Trim();
        if (string.IsNullOrEmpty(Code)) return Page();
        View = await service.FindAsync(Code, ct);
        if (View is null)
        {
            Response.StatusCode = 404;
            return Page();
        }
        MayDownload = user.IsSignedIn && await service.MayDownloadAsync(View.Certificate, await user.ScopeAsync(ct), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(string? code, CancellationToken ct)
    {
        if (!user.IsSignedIn) return Challenge();
        var result = await service.PdfAsync(code ?? "", await user.ScopeAsync(ct), ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        var (certificate, pdf) = result.Value;
        return File(pdf, "application/pdf", $"sertifikat-{certificate.Code}.pdf");
    }
}
