namespace Crm.Engine.Clocks;

public enum ClockState
{
    Running,
    Paused,
    Met,
    Breached,
}
