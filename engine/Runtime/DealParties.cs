namespace Crm.Engine.Runtime;

/// <summary>The client a deal is with.</summary>
public sealed record DealClient(string Name, string Kind);

/// <summary>The client's person the deal is worked with.</summary>
public sealed record DealContact(string? Name, string? Email, string? Phone, string? Position);
