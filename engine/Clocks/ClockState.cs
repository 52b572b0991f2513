namespace Crm.Engine.Clocks;

public enum ClockState
{
    Running,
    Paused,
    Met,
    Breached,
    /// <summary>Stopped before it could be met, without a breach: the deal closed or left the regulated path.</summary>
    Cancelled,
}
