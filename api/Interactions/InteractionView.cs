using NodaTime;

namespace Crm.Api.Interactions;

/// <summary>
/// One journal entry as the API shows it; <c>resultName</c> is the work result's name from the dictionary. <c>at</c> is
/// the date of the letter or meeting itself, <c>createdAt</c> the entry date; <c>number</c> counts 1, 2, … in the
/// journal of the deal the entry was written on (of the client for an entry on a client alone).
/// </summary>
public sealed record InteractionView(
    string Id,
    string? DealId,
    string? ClientId,
    string? ContactId,
    string Kind,
    Instant At,
    string Text,
    string? Topic,
    string? Result,
    string? ResultName,
    string? By,
    Instant CreatedAt,
    int Number = 0,
    string? DealTitle = null,
    string? ByName = null,
    Instant? EditedAt = null,
    int Revisions = 0);
