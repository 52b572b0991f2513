using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Engine.Definitions;

/// <summary>The JSON form of funnel definitions: camelCase, nulls left out, as in the public contract.</summary>
public static class DefinitionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public static WorkflowDefinition Parse(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, Options) ?? throw new JsonException("The definition is empty.");

    public static string Write(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);
}
