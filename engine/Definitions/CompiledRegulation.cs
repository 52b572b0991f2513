using NodaTime;

namespace Crm.Engine.Definitions;

/// <summary>
/// A regulation after publish, durations parsed and stages resolved. A stage's own regulation has
/// <see cref="StopOn"/> null: it stops when the deal leaves <see cref="StartOn"/>.
/// </summary>
public sealed record CompiledRegulation(
    string Id,
    string Name,
    string StartOn,
    string? StopOn,
    Duration Limit,
    Duration? WarnBefore,
    IReadOnlyList<CompiledEscalation> Escalations,
    string? Watch = null)
{
    public bool IsStageRegulation => StopOn is null;

    /// <summary>Runs while the deal has no future next step (<see cref="RegulationWatch.NextStep"/>), not between stages.</summary>
    public bool WatchesNextStep => Watch == RegulationWatch.NextStep;
}

public sealed record CompiledEscalation(Duration After, string Notify);
