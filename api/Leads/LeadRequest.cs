namespace Crm.Api.Leads;

/// <summary>What a website form sends.</summary>
public sealed record LeadRequest(string? Name, string? Email, string? Phone, string? Message, string? Source, string? WorkflowId);

/// <summary>The lead was taken; the same answer whether it opened a deal or joined one, so it reveals no customer.</summary>
public sealed record LeadAccepted(bool Accepted);
