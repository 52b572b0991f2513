namespace Crm.Api.Audit;

/// <summary>Who a change to a client or contact is recorded against, and the channel it came through.</summary>
public sealed record AuditActor(string Id, string? Via = null)
{
    /// <summary>The product itself: seeding, jobs, anything no user started.</summary>
    public static readonly AuditActor System = new("system");

    /// <summary>A visitor of the public website form: nobody signed in.</summary>
    public static readonly AuditActor LeadForm = new("lead-form", AuditVia.Deal);
}
