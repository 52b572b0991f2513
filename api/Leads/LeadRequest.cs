namespace Crm.Api.Leads;

/// <summary>What a website form sends.</summary>
public sealed record LeadRequest(string? Name, string? Email, string? Phone, string? Message, string? Source, string? WorkflowId);

/// <summary>The deal the lead became or was attached to; <c>attached</c> when it joined an open deal of the same contact.</summary>
public sealed record LeadAccepted(string DealId, bool Attached);
