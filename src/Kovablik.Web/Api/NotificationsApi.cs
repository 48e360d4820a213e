using Kovablik.Notifications;
using Kovablik.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

/// <summary>The signed-in account's own in-app notices (newest first) and marking them read.</summary>
public static class NotificationsApi
{
    public const int PageSize = 50;

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", List).WithName("ListNotifications").Produces<NotificationPageDto>()
            .WithSummary("Your notices, newest first, 50 a page; ?unreadOnly=true for unread ones");
        group.MapPost("/{id:long}/read", MarkRead).WithName("MarkNotificationRead").Produces(204).ProducesProblem(404);
        group.MapPost("/read-all", MarkAllRead).WithName("MarkAllNotificationsRead").Produces<MarkedReadDto>();
        return api;
    }

    private static async Task<IResult> List(bool? unreadOnly, int? page, NotificationService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var query = service.For(user.Id!);
        if (unreadOnly == true) query = query.Where(n => n.ReadAt == null);
        var number = Math.Max(1, page ?? 1);
        var items = await query.OrderByDescending(n => n.Id).Skip((number - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        var unread = await service.UnreadCountAsync(user.Id!, ct);
        return TypedResults.Ok(new NotificationPageDto(number, items.Count > PageSize, unread,
            items.Take(PageSize).Select(n => n.AsDto(l)).ToList()));
    }

    private static async Task<IResult> MarkRead(long id, NotificationService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (await service.MarkReadAsync(user.Id!, id, ct) > 0) return TypedResults.NoContent();
        // Already read is fine; someone else's notice does not exist for this account.
        return await service.For(user.Id!).AnyAsync(n => n.Id == id, ct) ? TypedResults.NoContent() : ApiResults.NotFound(l);
    }

    private static async Task<IResult> MarkAllRead(NotificationService service, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(new MarkedReadDto(await service.MarkReadAsync(user.Id!, null, ct)));

    public static NotificationDto AsDto(this Notification n, IStringLocalizer l) =>
        new(n.Id, l.Message(n.Title), l.Message(n.Body), n.Link, n.CreatedAt.ToUniversalTime(), n.ReadAt?.ToUniversalTime());
}

public sealed record NotificationPageDto(int Page, bool HasMore, int UnreadCount, List<NotificationDto> Items);

public sealed record NotificationDto(long Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record MarkedReadDto(int Marked);
