using NodaTime;

namespace Crm.Api.Plans;

public sealed record PlanPeriodBody(string? From, string? To);

public sealed record PlanBody(string? ManagerId, PlanPeriodBody? Period, string? Metric, int? Target);

/// <summary>A target and how far the manager has come: <see cref="Actual"/> of <see cref="Target"/>, counted live.</summary>
public sealed record PlanView(string Id, string ManagerId, string Metric, Instant From, Instant To, int Target, long Actual);
