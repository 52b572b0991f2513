namespace Crm.Engine.Definitions;

/// <summary>Where a deal goes when <see cref="Source"/> completes with <see cref="Outcome"/>.</summary>
public sealed record ConnectionDefinition
{
    public required string Source { get; init; }
    public required string Outcome { get; init; }
    public required string Target { get; init; }
}
