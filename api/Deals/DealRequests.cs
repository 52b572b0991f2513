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
    Dictionary<string, JsonElement>? Fields,
    string? ClientId = null,
    IReadOnlyList<string>? ContactIds = null);

/// <summary>A move; <c>amount</c>, <c>source</c> and <c>fields</c> fill in the deal's data in the same step (what a stage may require).</summary>
public sealed record MoveDealRequest(string? Outcome, string? Comment, NextStepBody? NextStep, decimal? Amount = null, string? Source = null, Dictionary<string, JsonElement>? Fields = null);

public sealed record UpdateDealRequest(string? Title, decimal? Amount, string? Source, Dictionary<string, JsonElement>? Fields);

public sealed record MergeRequest(string? OtherDealId);

/// <summary>A next step; it is planned as an activity of <c>kind</c> (a task when absent).</summary>
public sealed record NextStepBody(Instant? At, string? What, string? Kind = null);

public sealed record OwnerRequest(string? OwnerId);

public sealed record InteractionRequest(string? Kind, Instant? At, string? Text, string? Result, string? Topic = null, string? ContactId = null);
