namespace Crm.Api.Tests.Infrastructure;

/// <summary>Tests that measure the process's managed memory run in this collection: alone, after the parallel ones, so
/// that no other test allocates meanwhile.</summary>
[CollectionDefinition(nameof(MemoryMeasured), DisableParallelization = true)]
public sealed class MemoryMeasured;
