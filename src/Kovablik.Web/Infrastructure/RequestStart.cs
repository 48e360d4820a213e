namespace Kovablik.Web.Infrastructure;

/// <summary>
/// When the request arrived, by the app's clock. Deadlines for uploads are judged by it: the body of a large file
/// on a slow connection may finish arriving after the deadline, but the unit pressed the button before it.
/// </summary>
public static class RequestStart
{
    private static readonly object Key = new();

    public static Task Stamp(HttpContext context, Func<Task> next)
    {
        context.Items[Key] = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return next();
    }

    public static DateTimeOffset Of(HttpContext context) =>
        context.Items.TryGetValue(Key, out var at) && at is DateTimeOffset stamped
            ? stamped
            : context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
}
