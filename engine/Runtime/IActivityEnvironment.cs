namespace Crm.Engine.Runtime;

/// <summary>The directory of people an activity may consult; filled by the host.</summary>
public interface IActivityEnvironment
{
    /// <summary>The next member of the team in round-robin order, or null when the team has no managers.</summary>
    string? NextInRotation(string teamId);

    /// <summary>True when the user exists and may own deals.</summary>
    bool CanOwnDeals(string userId);

    /// <summary>The team a user belongs to, or null.</summary>
    string? TeamOf(string userId);
}
