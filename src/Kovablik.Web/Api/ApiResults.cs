using Kovablik.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

/// <summary>Turns domain results into RFC 7807 responses with localised, field-level messages.</summary>
public static class ApiResults
{
    public static IResult Problem<T>(Result<T> result, IStringLocalizer l) => result.Kind switch
    {
        ResultKind.NotFound => NotFound(l),
        ResultKind.Forbidden => Forbidden(l),
        ResultKind.Conflict => TypedResults.Problem(statusCode: 409, title: l["Konflik perubahan"], detail: Localise(result.Errors, l).Values.SelectMany(v => v).FirstOrDefault()),
        _ => TypedResults.ValidationProblem(Localise(result.Errors, l), title: l["Data tidak valid"]),
    };

    public static ProblemHttpResult NotFound(IStringLocalizer l) =>
        TypedResults.Problem(statusCode: 404, title: l["Tidak ditemukan"], detail: l["Data yang diminta tidak ada."]);

    public static ProblemHttpResult Forbidden(IStringLocalizer l) =>
        TypedResults.Problem(statusCode: 403, title: l["Akses ditolak"], detail: l["Data ini berada di luar cakupan organisasi Anda."]);

    public static ValidationProblem Invalid(string field, string message, IStringLocalizer l) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [l.Message(message)] }, title: l["Data tidak valid"]);

    public static Dictionary<string, string[]> Localise(IReadOnlyDictionary<string, string[]> errors, IStringLocalizer l) =>
        errors.ToDictionary(kv => kv.Key, kv => kv.Value.Select(l.Message).ToArray());
}
