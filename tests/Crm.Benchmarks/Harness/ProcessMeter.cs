using System.Diagnostics;

namespace Crm.Benchmarks.Harness;

/// <summary>CPU time and memory of this process, read from <see cref="Process"/>.</summary>
internal static class ProcessMeter
{
    public static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    public static double WorkingSetMb()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 / 1048576.0;
    }

    public static double PeakWorkingSetMb()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / 1048576.0;
    }

    /// <summary>Working set after a full, compacting collection: what the live data really holds.</summary>
    public static (double WorkingSetMb, double ManagedMb) SettledMemory()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return (WorkingSetMb(), GC.GetTotalMemory(false) / 1048576.0);
    }
}
