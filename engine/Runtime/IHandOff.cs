namespace Crm.Engine.Runtime;

/// <summary>An activity that hands the deal to another funnel when reached (<see cref="ActivityStep.HandOffStep"/>).</summary>
public interface IHandOff : IActivity
{
    string TargetWorkflowId { get; }
    /// <summary>The stage of the target funnel to enter; null for its start.</summary>
    string? TargetStageId { get; }
}
