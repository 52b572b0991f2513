using System.Text.Json;
using NodaTime;

namespace Crm.Api.Deals;

public sealed record CreateDealRequest(
    string? Title,
    string? WorkflowId,
    string? OwnerId,
    string? TeamId,
    decimal? Amount,
    string? Source,
    ClientView? Client,
    ContactView? Contact,
    Dictionary<string, JsonElement>? Fields);

public sealed record MoveDealRequest(string? Outcome, string? Comment, NextStepBody? NextStep);

public sealed record NextStepBody(Instant? At, string? What);

public sealed record OwnerRequest(string? OwnerId);

public sealed record InteractionRequest(string? Kind, Instant? At, string? Text, string? Result);
