namespace Crm.Engine.Compliance;

/// <summary>Compliance as a share of measured clocks that were met.</summary>
public static class ComplianceRatio
{
    /// <summary>met / measured rounded to four places (0.6667), so the screen, the CSV and the spreadsheet carry the
    /// very same number; null when nothing was measured (no clocks is not 0% and not 100%).</summary>
    public static double? Of(long met, long measured)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(met);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(met, measured);
        return measured == 0 ? null : Math.Round((double)met / measured, 4, MidpointRounding.AwayFromZero);
    }
}
