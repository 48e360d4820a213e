using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Infrastructure;

/// <summary>
/// PostgreSQL cannot store or compare text containing U+0000, so a form or query value carrying it would fail deep
/// inside a save. Refuse it before any handler runs (the API has the same guard in KovablikApi).
/// </summary>
public sealed class RefuseNulCharactersFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var bad = request.Query.Any(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            || (request.HasFormContentType && (await request.ReadFormAsync()).Any(f => f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)));
        if (bad)
        {
            var l = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            context.Result = new ContentResult { StatusCode = StatusCodes.Status400BadRequest, ContentType = "text/plain; charset=utf-8", Content = l["Teks tidak boleh berisi karakter NUL."] };
            return;
        }
        await next();
    }
}
