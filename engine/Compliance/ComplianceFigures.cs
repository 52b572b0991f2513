using NodaTime;

namespace Crm.Engine.Compliance;

/// <summary>
/// One row of a compliance report. Measured clocks are those met or breached inside the period; overruns are in
/// working time; <see cref="OpenOverdue"/> counts breaches still running now, whenever they happened.
/// </summary>
public sealed record ComplianceFigures(
    long Measured,
    long Met,
    long Breached,
    double? Compliance,
    Duration? MedianOverrun,
    Duration? P90Overrun,
    long OpenOverdue)
{
    public static readonly ComplianceFigures Empty = new(0, 0, 0, null, null, null, 0);
}
