namespace Crm.Engine.Definitions;

/// <summary>What a funnel-level regulation may watch instead of a span between two stages.</summary>
public static class RegulationWatch
{
    /// <summary>"Every open deal has a future next step": the clock runs while the deal has no next step in the future.</summary>
    public const string NextStep = "nextStep";
}
