namespace Crm.Api.Infrastructure;

/// <summary>The one place a service's answer becomes HTTP: failures as RFC 9457 problems, the value as the endpoint shapes it.</summary>
public static class ServiceResults
{
    public static IResult ToHttp<T>(this ServiceResult<T> result, Func<T, IResult> success) =>
        result.Succeeded(out var value) ? success(value) : result.Failure!.ToHttp();

    public static IResult ToHttp(this ServiceFailure failure) => failure switch
    {
        ServiceFailure.Invalid { Code: null } invalid => Problems.Validation(new Dictionary<string, string[]>(invalid.Errors), invalid.Detail),
        ServiceFailure.Invalid { Code: { } code } invalid => Problems.RuleRefused(invalid.Detail, code, invalid.Errors),
        ServiceFailure.NotFound notFound => Problems.NotFound(notFound.Detail),
        ServiceFailure.Forbidden forbidden => Problems.Forbidden(forbidden.Detail),
        ServiceFailure.Conflict conflict => Problems.Conflict(conflict.Detail, conflict.Code,
            conflict.Extras is null ? null : new Dictionary<string, object?>(conflict.Extras)),
        _ => throw new InvalidOperationException($"No HTTP answer for {failure.GetType().Name}."),
    };
}
