namespace Kovablik.Platform;

/// <summary>
/// Outcome of a command: either success with a value, or field-level errors. Validation never throws;
/// pages put the errors next to their fields and the API turns them into a ValidationProblem.
/// Messages are Indonesian resource keys; the web host localises them for English.
/// </summary>
public sealed class Result<T>
{
    private Result(T? value, IReadOnlyDictionary<string, string[]> errors, ResultKind kind)
    {
        Value = value;
        Errors = errors;
        Kind = kind;
    }

    public T? Value { get; }
    public IReadOnlyDictionary<string, string[]> Errors { get; }
    public ResultKind Kind { get; }
    public bool Succeeded => Kind == ResultKind.Ok;

    public static Result<T> Ok(T value) => new(value, new Dictionary<string, string[]>(), ResultKind.Ok);
    public static Result<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(default, errors, ResultKind.Invalid);
    public static Result<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
    public static Result<T> NotFound() => new(default, new Dictionary<string, string[]>(), ResultKind.NotFound);
    public static Result<T> Forbidden() => new(default, new Dictionary<string, string[]>(), ResultKind.Forbidden);
    public static Result<T> Conflict(string message) =>
        new(default, new Dictionary<string, string[]> { [""] = [message] }, ResultKind.Conflict);
}

public enum ResultKind
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>Collects field errors while validating.</summary>
public sealed class ErrorBag
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    public Result<T> ToResult<T>() => Result<T>.Invalid(ToDictionary());
}
