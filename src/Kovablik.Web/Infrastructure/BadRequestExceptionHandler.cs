using Microsoft.AspNetCore.Diagnostics;

namespace Kovablik.Web.Infrastructure;

/// <summary>Turns framework "bad request" exceptions (unreadable body, oversized form, bad antiforgery) into 4xx answers.</summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException b => b.StatusCode,
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
            InvalidDataException => StatusCodes.Status400BadRequest,
            _ => 0,
        };
        if (status == 0) return false;
        httpContext.Response.StatusCode = status;
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            httpContext.Response.ContentType = "text/plain; charset=utf-8";
            await httpContext.Response.WriteAsync("Permintaan tidak valid. Muat ulang halaman lalu coba lagi.", cancellationToken);
            return true;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = "Permintaan tidak valid", Detail = "Isi permintaan tidak dapat dibaca. Periksa format JSON dan nama kolomnya." },
        });
    }
}
