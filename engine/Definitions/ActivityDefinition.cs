using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Engine.Definitions;

/// <summary>
/// One activity of a funnel as stored in JSON. The common fields are typed; everything a particular
/// activity type needs (a decision's condition, a timer's duration, …) stays in <see cref="Properties"/>
/// so that a new type can add settings without touching this record.
/// </summary>
public sealed record ActivityDefinition
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<string>? Outcomes { get; init; }
    /// <summary>A stage's own regulation: a clock from entering the stage until leaving it.</summary>
    public StageRegulation? Regulation { get; init; }
    /// <summary>While a deal sits here, every regulation clock of the deal stands still.</summary>
    public bool PausesClocks { get; init; }
    /// <summary>An outcome of a pausing stage that sends the deal back to the stage it was paused from.</summary>
    public string? ReturnOutcome { get; init; }
    public DesignPosition? Design { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }

    [JsonIgnore]
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;

    /// <summary>Reads a type-specific string setting, or null when absent.</summary>
    public string? GetString(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>True when the setting is present, whatever its JSON kind.</summary>
    public bool Has(string name) => Properties is not null && Properties.ContainsKey(name);
}

public sealed record DesignPosition(double X, double Y);
