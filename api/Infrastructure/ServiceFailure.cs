using Crm.Engine.Runtime;

namespace Crm.Api.Infrastructure;

/// <summary>
/// Why a service said no, in terms a caller of any kind can act on: an endpoint answers with a problem (see
/// <see cref="ServiceResults"/>), a job or an import records it against its row.
/// </summary>
public abstract record ServiceFailure
{
    public abstract string Message { get; }

    /// <summary>Bad input, each problem under the field it concerns. <paramref name="Code"/> names a rule the engine applied.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors, string? Detail = null, string? Code = null) : ServiceFailure
    {
        public override string Message => Detail ?? string.Join(" ", Errors.Values.SelectMany(m => m));
    }

    /// <summary>No such thing, or the caller may not see it.</summary>
    public sealed record NotFound(string Detail) : ServiceFailure
    {
        public override string Message => Detail;
    }

    public sealed record Forbidden(string Detail) : ServiceFailure
    {
        public override string Message => Detail;
    }

    /// <summary>The request no longer fits the current state; <paramref name="Extras"/> help the caller resolve it (say, the existing deal's id).</summary>
    public sealed record Conflict(string Detail, string? Code = null, IReadOnlyDictionary<string, object?>? Extras = null) : ServiceFailure
    {
        public override string Message => Detail;
    }

    public static Invalid Field(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });

    public static ServiceFailure From(EngineError error) => error.Kind switch
    {
        EngineErrorKind.NotFound => new NotFound(error.Message),
        EngineErrorKind.Conflict => new Conflict(error.Message, error.Code),
        _ => new Invalid(error.Details ?? new Dictionary<string, string[]> { [error.Code] = [error.Message] }, error.Message, error.Code),
    };
}
