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
            if (NullPart(definition) is { } part)
                return new(null, Problems.Validation(new() { [part] = ["This list is missing or holds a null; give it as an array of objects."] }));
            if (definition.Activities.Count > TextLimits.DefinitionActivities)
                return new(null, Problems.Validation(new() { ["activities"] = [$"A funnel has at most {TextLimits.DefinitionActivities} activities (this one has {definition.Activities.Count})."] }));
            if (TextLimits.Errors(("name", definition.Name, TextLimits.Name)) is { Count: > 0 } tooLong)
                return new(null, Problems.Validation(tooLong));
            var errors = new Dictionary<string, string[]>();
            for (var i = 0; i < definition.Activities.Count && errors.Count == 0; i++)
            {
                TextLimits.Check(errors, $"activities[{i}].id", definition.Activities[i]?.Id, TextLimits.Id);
                TextLimits.Check(errors, $"activities[{i}].name", definition.Activities[i]?.Name, TextLimits.Name);
            }
            if (errors.Count > 0)
                return new(null, Problems.Validation(errors));
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

    /// <summary>The first list that JSON <c>null</c> emptied or filled with nulls; the compiler expects lists of objects.</summary>
    private static string? NullPart(WorkflowDefinition definition)
    {
        if (definition.Activities is null || definition.Activities.Any(a => a is null))
            return "activities";
        if (definition.Connections is null || definition.Connections.Any(c => c is null))
            return "connections";
        if (definition.Regulations is null || definition.Regulations.Any(r => r is null))
            return "regulations";
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            if (definition.Activities[i].Regulation is { } regulation && (regulation.Escalations is null || regulation.Escalations.Any(e => e is null)))
                return $"activities[{i}].regulation.escalations";
            if (definition.Activities[i].Outcomes is { } outcomes && outcomes.Any(o => o is null))
                return $"activities[{i}].outcomes";
        }
        for (var i = 0; i < definition.Regulations.Count; i++)
        {
            if (definition.Regulations[i].Escalations is null || definition.Regulations[i].Escalations.Any(e => e is null))
                return $"regulations[{i}].escalations";
        }
        return null;
    }
}
