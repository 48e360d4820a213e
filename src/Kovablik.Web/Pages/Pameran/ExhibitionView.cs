using Kovablik.Data;
using Kovablik.Exhibitions;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Pameran;

public sealed record BoothRow(int Id, string Number, string Hall, int InnovationId, string InnovationName, string ShortDescription, string OrganisationName);

/// <summary>Reads shared by the public exhibition pages: one query each, published exhibitions only.</summary>
public static class ExhibitionView
{
    public static Task<Exhibition?> PublishedAsync(KovablikDbContext db, string slug, CancellationToken ct) =>
        slug.Length > 100 ? Task.FromResult<Exhibition?>(null)
            : db.Exhibitions.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug && e.Status == ExhibitionStatus.Published, ct);

    public static Task<List<BoothRow>> BoothsAsync(KovablikDbContext db, int exhibitionId, CancellationToken ct) =>
        db.ExhibitionBooths.AsNoTracking().Where(b => b.ExhibitionId == exhibitionId)
            .Select(b => new BoothRow(b.Id, b.Number, b.Hall, b.InnovationId, b.Innovation.Name, b.Innovation.ShortDescription, b.Innovation.Organisation.Name))
            .ToListAsync(ct);

    /// <summary>Booth numbers in natural order (A2 before A10).</summary>
    public static IEnumerable<BoothRow> Ordered(IEnumerable<BoothRow> booths) =>
        booths.OrderBy(b => b.Hall, StringComparer.CurrentCultureIgnoreCase).ThenBy(b => NaturalKey(b.Number), StringComparer.Ordinal);

    public static string NaturalKey(string number) =>
        System.Text.RegularExpressions.Regex.Replace(number, "[0-9]+", m => m.Value.PadLeft(10, '0'));

    public static string BoothPath(string slug, string number) => $"/Pameran/{Uri.EscapeDataString(slug)}/Stan/{Uri.EscapeDataString(number)}";
}
