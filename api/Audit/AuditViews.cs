using NodaTime;

namespace Crm.Api.Audit;

/// <summary>One entry as admins read it: personal data as it was, the actor by id and, for a user, by name.</summary>
public sealed record AuditEntryView(
    string Id,
    Instant At,
    string ActorId,
    string? ActorName,
    string? Via,
    string EntityType,
    string EntityId,
    string ClientId,
    string Action,
    IReadOnlyList<AuditChangeView> Changes);

public sealed record AuditChangeView(string Field, string? Before, string? After);

/// <summary>A page of entries, newest first; <see cref="NextCursor"/> asks for the next one and is null on the last.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, string? NextCursor);

/// <summary>What to read: every filter is optional.</summary>
public sealed record AuditQuery(string? EntityType, string? EntityId, string? ClientId, string? ActorId, Instant? From, Instant? To, AuditCursor? After, int Limit);
