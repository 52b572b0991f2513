namespace Crm.Engine.Runtime;

/// <summary>Why a command was refused. The deal is left exactly as it was.</summary>
public sealed record EngineError(EngineErrorKind Kind, string Code, string Message, IReadOnlyDictionary<string, string[]>? Details = null);

public enum EngineErrorKind
{
    /// <summary>The request itself is wrong (unknown outcome, missing data).</summary>
    Invalid,
    /// <summary>The deal changed or closed; the request no longer applies.</summary>
    Conflict,
    /// <summary>No such deal, or the caller may not see it.</summary>
    NotFound,
}
