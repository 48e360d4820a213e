using Kovablik.Competitions.Proposals.Pack;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

/// <summary>
/// The offline path: download a proposal as a ZIP pack to work on without a connection, then upload it to see the
/// per-field comparison with the online proposal and (apply=true) save the offline edits.
/// </summary>
public static class ProposalPackApi
{
    public const string MultipartMessage = "Kirim paket sebagai multipart/form-data dengan kolom 'file'.";
    public const string NoFileMessage = "Pilih berkas paket (.zip) yang akan diunggah.";
    public const string BadChoiceMessage = "Pilihan untuk konflik tidak dikenal: pakai 'pack' (versi paket) atau 'online' (versi daring).";

    /// <summary>Form fields resolve[&lt;key&gt;] = pack | online settle a conflicting field; the page posts the same names.</summary>
    public const string ChoicePrefix = "resolve[";

    public static RouteGroupBuilder MapProposalPackApi(this RouteGroupBuilder api)
    {
        var edit = api.MapGroup("/proposals").WithTags("Proposals").RequireAuthorization(Policies.InnovationEditor);
        edit.MapGet("/{id:int}/pack", Export).WithName("ExportProposalPack").Produces(200, contentType: "application/zip").ProducesProblem(404)
            .WithSummary("The offline pack: proposal.xlsx to type in, proposal.pdf, the uploaded documents and manifest.json");
        edit.MapPost("/{id:int}/pack", Import).WithName("ImportProposalPack").Produces<PackDiffDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .DisableAntiforgery()
            .WithSummary("Multipart field 'file': compares a filled pack with the online proposal; apply=true saves the offline edits unless a field conflicts. Settle a conflict with a field resolve[<key>] = pack | online");
        return api;
    }

    private static async Task<IResult> Export(int id, ProposalPackService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.ExportAsync(id, await user.ScopeAsync(ct), ct);
        return result.Succeeded ? TypedResults.File(result.Value!.Content, "application/zip", result.Value.FileName) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Import(int id, bool? apply, HttpRequest request, ProposalPackService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!request.HasFormContentType) return ApiResults.Invalid("file", MultipartMessage, l);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            // A broken or oversized multipart body is the client's error, not ours.
            return ApiResults.Invalid("file", MultipartMessage, l);
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return ApiResults.Invalid("file", NoFileMessage, l);
        var choices = Choices(form);
        if (choices is null) return ApiResults.Invalid("resolve", BadChoiceMessage, l);
        await using var stream = file.OpenReadStream();
        var result = await service.ImportAsync(id, stream, await user.ScopeAsync(ct), apply == true, choices, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.AsDto(l)) : ApiResults.Problem(result, l);
    }

    /// <summary>The conflict choices in a form; null when one names neither side.</summary>
    public static Dictionary<string, PackChoice>? Choices(IFormCollection form)
    {
        var choices = new Dictionary<string, PackChoice>(StringComparer.Ordinal);
        foreach (var (name, value) in form)
        {
            if (!name.StartsWith(ChoicePrefix, StringComparison.OrdinalIgnoreCase) || !name.EndsWith(']')) continue;
            var text = value.ToString();
            if (text.Length == 0) continue;
            if (!Enum.TryParse<PackChoice>(text, ignoreCase: true, out var choice) || !Enum.IsDefined(choice)) return null;
            choices[name[ChoicePrefix.Length..^1]] = choice;
        }
        return choices;
    }

    public static PackDiffDto AsDto(this PackDiff d, IStringLocalizer l) => new(
        d.ProposalId, d.PackVersion, d.OnlineVersion, d.HasConflicts, d.ChangeCount, d.Applied, d.AppliedVersion,
        d.Fields.Select(f => new PackFieldDiffDto(f.Key, f.Label, f.Status.ToString(), f.Choice?.ToString(), f.OnlineWords, f.PackWords, f.OnlineExcerpt, f.PackExcerpt)).ToList(),
        d.Warnings.Select(l.Message).ToList(), d.Documents.Select(l.Message).ToList());
}

public sealed record PackDiffDto(
    int ProposalId, Guid PackVersion, Guid OnlineVersion, bool HasConflicts, int Changes, bool Applied, Guid? AppliedVersion,
    List<PackFieldDiffDto> Fields, List<string> Warnings, List<string> Documents);

/// <summary>Status: Unchanged, ChangedInPack (applied), ChangedOnline (online kept) or Conflict (Choice: Pack, Online, or null while unsettled).</summary>
public sealed record PackFieldDiffDto(string Key, string Label, string Status, string? Choice, int OnlineWords, int PackWords, string OnlineExcerpt, string PackExcerpt);
