using NodaTime;

namespace Crm.Api.Interactions;

/// <summary>One journal entry as the API shows it; <c>resultName</c> is the work result's name from the dictionary.</summary>
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
    Instant CreatedAt);
