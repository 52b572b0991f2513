using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Api.Infrastructure;
using Crm.Engine.Definitions;

namespace Crm.Api.Workflows;

/// <summary>Reads a funnel definition from a request body, with a clear 400 for JSON that is not one.</summary>
internal static class DefinitionReader
{
    private const int MaxBytes = TextLimits.DefinitionBytes;

    public sealed record Read(WorkflowDefinition? Definition, IResult? Problem);

    public static async Task<Read> ReadAsync(HttpRequest request, CancellationToken ct, string? routeId = null)
    {
        if (request.ContentLength > MaxBytes)
            return new(null, RequestBodyLimits.TooLarge($"A funnel definition may be at most {RequestBodyLimits.Describe(MaxBytes)}."));
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
            if (node is not JsonObject obj)
                return new(null, Problems.BadRequest("The body must be a funnel definition: a JSON object."));
            // Version facts returned by GET may be sent back as they came; they are not part of the definition.
            obj.Remove("version");
            obj.Remove("status");
            obj.Remove("publishedVersion");
            if (routeId is not null)
            {
                var bodyId = obj["id"]?.GetValue<string>();
                if (bodyId is not null && bodyId != routeId)
                    return new(null, Problems.BadRequest($"The body's id '{bodyId}' differs from the address's '{routeId}'."));
                obj["id"] = routeId;
            }
            var definition = obj.Deserialize<WorkflowDefinition>(DefinitionJson.Options);
            if (definition is null || string.IsNullOrWhiteSpace(definition.Id))
                return new(null, Problems.Validation(new() { ["id"] = ["A funnel needs an id."] }));
            if (!IdRules.IsValid(definition.Id))
                return new(null, Problems.Validation(new() { ["id"] = [IdRules.Explanation] }));
            if (definition.Activities.Count > TextLimits.DefinitionActivities)
                return new(null, Problems.Validation(new() { ["activities"] = [$"A funnel has at most {TextLimits.DefinitionActivities} activities (this one has {definition.Activities.Count})."] }));
            if (TextLimits.Errors(("name", definition.Name, TextLimits.Name)) is { Count: > 0 } tooLong)
                return new(null, Problems.Validation(tooLong));
            return new(definition, null);
        }
        catch (JsonException ex)
        {
            return new(null, Problems.BadRequest($"The body is not a valid funnel definition: {ex.Message}"));
        }
        // A JsonObject with a repeated property name throws ArgumentException when it is first read.
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return new(null, Problems.BadRequest($"The body is not a valid funnel definition: {ex.Message}"));
        }
    }
}
