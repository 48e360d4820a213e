using Kovablik.Innovations;
using Kovablik.Organisations;

namespace Kovablik.Web.Api;

public sealed record OrganisationDto(int Id, string? Code, string Name, string Type, int? ParentId, int Depth, bool IsActive, string? RegionCode, bool IsDemo, Guid Version);

public sealed record OrganisationCreateRequest(string? Code, string? Name, string? Type, int? ParentId);

public sealed record OrganisationUpdateRequest(string? Code, string? Name, string? Type, Guid? Version);

public sealed record OrganisationMoveRequest(int? ParentId);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record RegionDto(string Code, string Name, string Level, string? ParentCode);

public sealed record InnovationSummaryDto(int Id, string Name, string ShortDescription, int OrganisationId, string OrganisationName,
    string Status, string Stage, string Kind, DateOnly? StartedOn, DateTimeOffset? PublishedAt, bool IsDemo);

public sealed record AttachmentDto(Guid Id, string Kind, string FileName, string ContentType, long Size, string Sha256, string Url, string? ThumbnailUrl);

public sealed record InnovationDto(int Id, string Name, string ShortDescription, int OrganisationId, string OrganisationName, string Status, string Stage, string Kind,
    DateOnly? StartedOn, IReadOnlyDictionary<string, string> Sections, IReadOnlyList<int> CategoryIds, IReadOnlyList<int> SdgGoalIds, IReadOnlyList<int> TargetGroupIds,
    IReadOnlyList<TeamMemberInput> Team, string? SkNumber, string? ContactName, string? ContactEmail, string? ContactPhone, string? VideoUrl, string? WebsiteUrl,
    IReadOnlyList<AttachmentDto> Attachments, int VersionNumber, Guid Version, DateTimeOffset? PublishedAt, bool IsDemo);

public sealed record InnovationVersionDto(int VersionNumber, DateTimeOffset At, string? UserName, string Summary, string ChangesJson);

public sealed record InvitationRequestDto(string? Email, string? FullName, string? Role, int? OrganisationId);

public sealed record InvitationDto(Guid Id, string Email, string FullName, string Role, int? OrganisationId, DateTimeOffset ExpiresAt);

public sealed record AccountUpdateDto(string? FullName, List<string>? Roles, int? OrganisationId, bool? IsActive);

public sealed record MeDto(string Id, string Email, string FullName, IReadOnlyList<string> Roles, int? OrganisationId, bool TwoFactorEnabled);

public sealed record AuditEntryDto(long Id, DateTimeOffset At, string? UserName, string? IpAddress, string Action, string EntityType, string EntityId, string? Changes);

public static class DtoMapping
{
    public static OrganisationDto AsDto(this Organisation o) =>
        new(o.Id, o.Code, o.Name, OrganisationTypeNames.Code(o.Type), o.ParentId, o.Depth, o.IsActive, o.RegionCode, o.IsDemo, o.Version);

    public static AttachmentDto AsDto(this Attachment a) =>
        new(a.Id, a.Kind.ToString(), a.OriginalFileName, a.ContentType, a.Size, a.Sha256, $"/berkas/{a.Id}", a.ThumbnailKey is null ? null : $"/berkas/{a.Id}/thumb");

    public static InnovationDto AsDto(this Innovation i) => new(
        i.Id, i.Name, i.ShortDescription, i.OrganisationId, i.Organisation.Name, i.Status.ToString(), i.Stage.ToString(), i.Kind.ToString(), i.StartedOn,
        InnovationSections.All.ToDictionary(s => s.Field, s => InnovationSections.Get(i, s.Field)),
        i.Categories.Select(c => c.Id).Order().ToList(), i.SdgGoals.Select(c => c.Id).Order().ToList(), i.TargetGroups.Select(c => c.Id).Order().ToList(),
        i.Team.Select(t => new TeamMemberInput { Name = t.Name, Position = t.Position }).ToList(),
        i.SkNumber, i.ContactName, i.ContactEmail, i.ContactPhone, i.VideoUrl, i.WebsiteUrl,
        i.Attachments.OrderBy(a => a.UploadedAt).Select(a => a.AsDto()).ToList(), i.VersionNumber, i.Version, i.PublishedAt, i.IsDemo);
}
