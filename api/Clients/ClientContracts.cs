using NodaTime;

namespace Crm.Api.Clients;

/// <summary>A client as created or replaced; <c>responsibleId</c> left out keeps the responsible manager (on creation: the creator).</summary>
public sealed record ClientRequest(string? Name, string? Kind, string? Source, IReadOnlyList<string>? Segments, IReadOnlyList<ContactRequest>? Contacts, string? ResponsibleId = null);

public sealed record ContactRequest(string? Name, string? Position, IReadOnlyList<string>? Phones, IReadOnlyList<string>? Emails, string? Birthday);

public sealed record ClientCard(
    string Id,
    string Name,
    string Kind,
    string? Source,
    IReadOnlyList<string> Segments,
    int Version,
    Instant CreatedAt,
    Instant UpdatedAt,
    IReadOnlyList<ContactCard>? Contacts,
    IReadOnlyList<ClientDeal>? Deals,
    string? ResponsibleId = null,
    string? ResponsibleName = null);

public sealed record ContactCard(
    string Id,
    string ClientId,
    string Name,
    string? Position,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Emails,
    string? Birthday,
    int Version);

/// <summary>A deal of the client, as far as the caller may see it.</summary>
public sealed record ClientDeal(string Id, string Title, string State, string? StageId, string? OwnerId, decimal? Amount);
