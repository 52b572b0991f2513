using NodaTime;

namespace Crm.Engine.Compliance;

/// <summary>
/// One row of a compliance report. Measured clocks are those met or breached inside the period; overruns are in
/// working time; <see cref="OpenOverdue"/> counts breaches still running now, whenever they happened.
/// <see cref="LateHeld"/> is the working time this row's person held clocks past their deadlines, for breaches inside
/// the period, whoever they are attributed to: the fair share when a deal changed hands (see <c>ClockHoldings</c>).
/// </summary>
public sealed record ComplianceFigures(
    long Measured,
    long Met,
    long Breached,
    double? Compliance,
    Duration? MedianOverrun,
    Duration? P90Overrun,
    long OpenOverdue,
    Duration LateHeld)
{
    public static readonly ComplianceFigures Empty = new(0, 0, 0, null, null, null, 0, Duration.Zero);
}
