using Kovablik.Accounts;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Deadlines;

/// <summary>One account that works on an organisation's entries; <c>IsHead</c> = Pimpinan Unit (reviews submissions).</summary>
public sealed record UnitRecipient(string Id, string? Email, bool IsHead);

/// <summary>
/// Who takes part in an edition and who hears about it, in bulk: the same people as
/// <see cref="Notifications.NotificationService.UnitRecipientsAsync"/> (operators and unit heads of the organisation and of
/// its parent), but for many organisations in two queries instead of one per organisation.
/// </summary>
public static class EditionParticipants
{
    /// <summary>Organisations with a proposal in the edition that was not withdrawn.</summary>
    public static Task<List<int>> OrganisationIdsAsync(KovablikDbContext db, int editionId, CancellationToken ct) =>
        db.Proposals.Where(p => p.EditionId == editionId && p.Status != ProposalStatus.Withdrawn)
            .Select(p => p.OrganisationId).Distinct().ToListAsync(ct);

    public static async Task<Dictionary<int, List<UnitRecipient>>> RecipientsAsync(KovablikDbContext db, IReadOnlyCollection<int> organisationIds, CancellationToken ct)
    {
        var result = organisationIds.Distinct().ToDictionary(id => id, _ => new List<UnitRecipient>());
        if (result.Count == 0) return result;
        var ids = result.Keys.ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.ParentId }).ToListAsync(ct);
        var all = orgs.Select(o => o.Id).Concat(orgs.Where(o => o.ParentId != null).Select(o => o.ParentId!.Value)).Distinct().ToList();
        var operatorRole = db.Roles.Where(r => r.Name == Roles.Operator).Select(r => r.Id);
        var headRole = db.Roles.Where(r => r.Name == Roles.PimpinanUnit).Select(r => r.Id);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.OrganisationId != null && all.Contains(u.OrganisationId.Value))
            .Select(u => new
            {
                u.Id,
                u.Email,
                OrganisationId = u.OrganisationId!.Value,
                IsOperator = db.UserRoles.Any(ur => ur.UserId == u.Id && operatorRole.Contains(ur.RoleId)),
                IsHead = db.UserRoles.Any(ur => ur.UserId == u.Id && headRole.Contains(ur.RoleId)),
            })
            .Where(u => u.IsOperator || u.IsHead)
            .ToListAsync(ct);
        var byOrg = users.ToLookup(u => u.OrganisationId);
        foreach (var o in orgs)
        {
            var list = result[o.Id];
            list.AddRange(byOrg[o.Id].Select(u => new UnitRecipient(u.Id, u.Email, u.IsHead)));
            if (o.ParentId is int parent)
                list.AddRange(byOrg[parent].Select(u => new UnitRecipient(u.Id, u.Email, u.IsHead)));
        }
        return result;
    }
}
