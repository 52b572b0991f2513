namespace Crm.Api.Persistence;

/// <summary>The activity table's index names, so the benchmark can drop exactly these to measure without them.</summary>
public static class ActivityIndexes
{
    public const string AssigneeStateDue = "IX_Activities_AssigneeId_State_DueAt";
    public const string DealStateDue = "IX_Activities_DealId_State_DueAt";
    public const string Client = "IX_Activities_ClientId";
    public const string Alarm = "IX_Activities_AlarmAt";

    public static readonly IReadOnlyList<string> All = [AssigneeStateDue, DealStateDue, Client, Alarm];
}
