using Crm.Engine.Definitions;
using Crm.Engine.Runtime;

namespace Crm.Api.Infrastructure;

/// <summary>RFC 9457 problem responses, the only way this API says no.</summary>
public static class Problems
{
    public static IResult Validation(Dictionary<string, string[]> errors, string? detail = null) =>
        Results.ValidationProblem(errors, detail: detail, title: "The request is not valid.");

    public static IResult BadRequest(string detail, string? code = null) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.", extensions: Code(code));

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static IResult Conflict(string detail, string? code = null, Dictionary<string, object?>? extensions = null)
    {
        var ext = extensions ?? [];
        if (code is not null)
            ext["code"] = code;
        return Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict.", extensions: ext);
    }

    public static IResult Forbidden(string detail, string? code = null) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", extensions: Code(code));

    public static IResult TooManyRequests(string detail, string? code = null, Dictionary<string, object?>? extensions = null)
    {
        var ext = extensions ?? [];
        if (code is not null)
            ext["code"] = code;
        return Results.Problem(detail: detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.", extensions: ext);
    }

    public static IResult PayloadTooLarge(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request is too large.");

    public static IResult Unauthorized(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in.");

    /// <summary>A definition that does not validate: 400 with every problem, each tied to its activity.</summary>
    public static IResult InvalidDefinition(IReadOnlyList<ValidationError> errors) =>
        Results.Problem(
            detail: $"The funnel has {errors.Count} problem(s); nothing was changed.",
            statusCode: StatusCodes.Status400BadRequest,
            title: "The funnel is not valid.",
            extensions: new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { e.ActivityId, e.Code, e.Message }).ToArray() });

    public static IResult FromEngine(EngineError error) => error.Kind switch
    {
        EngineErrorKind.NotFound => NotFound(error.Message),
        EngineErrorKind.Conflict => Conflict(error.Message, error.Code),
        _ => RuleRefused(error.Message, error.Code, error.Details ?? new Dictionary<string, string[]> { [error.Code] = [error.Message] }),
    };

    /// <summary>A request a rule of the engine refused: 400 naming the rule (<paramref name="code"/>) and the fields.</summary>
    public static IResult RuleRefused(string? detail, string code, IReadOnlyDictionary<string, string[]> errors) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.",
            extensions: new Dictionary<string, object?> { ["code"] = code, ["errors"] = errors });

    private static Dictionary<string, object?>? Code(string? code) => code is null ? null : new() { ["code"] = code };
}
