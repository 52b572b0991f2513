using Crm.Engine.Runtime;

namespace Crm.Engine.Abstractions;

/// <summary>Where deals live. The command processor loads a batch, applies commands in memory, and commits them together.</summary>
public interface IDealStore
{
    /// <summary>The current state of the given deals; unknown ids are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, DealInstance>> LoadAsync(IReadOnlyCollection<string> dealIds, CancellationToken cancellationToken);

    /// <summary>Writes every change in one transaction. Fails with <see cref="DealConcurrencyException"/> when any deal's stored
    /// version is no longer the one it was loaded with (another node got there first); then nothing is written.</summary>
    Task CommitAsync(IReadOnlyList<DealWrite> writes, CancellationToken cancellationToken);
}

/// <summary>One deal's new state and what commands added to it since <see cref="LoadedVersion"/> (0 for a new deal).</summary>
public sealed record DealWrite(DealInstance Deal, int LoadedVersion, DealChanges Changes)
{
    /// <summary>The deal exactly as the store loaded it (never mutated by the engine), or null for a new deal or when
    /// unknown. A store may compare against it to skip writing clocks that did not change.</summary>
    public DealInstance? Loaded { get; init; }
}

public sealed class DealConcurrencyException(string message) : Exception(message);
