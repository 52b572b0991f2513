using System.Text.Json;
using Crm.Engine.Definitions;
using Crm.Engine.Runtime;
using NodaTime;

namespace Crm.Engine.Activities;

/// <summary>
/// A stage's <c>requires</c> setting: per outcome, the deal fields that must be filled, the interaction that must
/// have been logged at this stage and the category of file that must be attached to the deal before the outcome may be chosen.
/// <code>
/// "requires": {
///   "Sent":   { "fields": ["amount", "fields.proposalNumber"] },
///   "Agreed": { "interaction": { "kind": "meeting", "fields": ["at", "contact", "topic", "result"] } },
///   "Signed": { "file": "contract" } }
/// </code>
/// Deal fields: <c>title</c>, <c>amount</c>, <c>source</c>, <c>client</c>, <c>contact</c>, <c>nextStep</c> or
/// <c>fields.&lt;name&gt;</c>. An interaction counts when it was logged while the deal worked on this stage (a pause
/// in between keeps it) and its date has come; <c>kind</c> may be left out to accept any kind. A file is a category id of
/// the host's file categories; the engine keeps no files, so the host tells it which categories the deal has
/// (<see cref="DealFacts"/>).
/// </summary>
internal sealed class StageRequirements
{
    public const string SettingName = "requires";

    private static readonly string[] DealFields = ["title", "amount", "source", "client", "contact", "nextStep"];

    private readonly string _stageName;
    private readonly Dictionary<string, Requirement> _byOutcome;

    private StageRequirements(string stageName, Dictionary<string, Requirement> byOutcome)
    {
        _stageName = stageName;
        _byOutcome = byOutcome;
    }

    public static readonly StageRequirements None = new("", new Dictionary<string, Requirement>(StringComparer.Ordinal));

    /// <summary>Reads and checks the setting; every problem is reported as <c>bad-setting</c>.</summary>
    public static StageRequirements Compile(ActivityDefinition definition, IReadOnlyList<string> outcomes, ActivityCompileContext context)
    {
        if (definition.Properties is null || !definition.Properties.TryGetValue(SettingName, out var json))
            return None;
        var name = definition.DisplayName;
        if (json.ValueKind != JsonValueKind.Object)
        {
            context.Report(ValidationCodes.BadSetting, $"Stage '{name}': \"requires\" maps outcomes to what they need, e.g. {{ \"Sent\": {{ \"fields\": [\"amount\"] }} }}.");
            return None;
        }
        var byOutcome = new Dictionary<string, Requirement>(StringComparer.Ordinal);
        foreach (var entry in json.EnumerateObject())
        {
            var where = $"Stage '{name}', requirement for '{entry.Name}'";
            if (!outcomes.Contains(entry.Name, StringComparer.Ordinal))
            {
                context.Report(ValidationCodes.BadSetting, $"{where}: '{entry.Name}' is not an outcome of the stage; the outcomes are: {string.Join(", ", outcomes)}.");
                continue;
            }
            if (Read(entry.Value, where, context) is { } requirement)
                byOutcome[entry.Name] = requirement;
        }
        return new StageRequirements(name, byOutcome);
    }

    public IReadOnlyDictionary<string, string[]> Missing(DealInstance deal, string outcome, Instant now, DealFacts facts)
    {
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!_byOutcome.TryGetValue(outcome, out var requirement))
            return missing;
        foreach (var field in requirement.Fields)
        {
            if (!IsFilled(deal, field))
                missing[field] = [$"Fill in {Describe(field)} before choosing '{outcome}' at '{_stageName}'."];
        }
        if (requirement.Interaction is { } wanted)
            CheckInteraction(deal, outcome, wanted, now, missing);
        if (requirement.File is { } category && !facts.FileCategories.Contains(category, StringComparer.Ordinal))
            missing["file"] = [$"Attach a file of category '{category}' to the deal before choosing '{outcome}' at '{_stageName}'."];
        return missing;
    }

    private void CheckInteraction(DealInstance deal, string outcome, InteractionRequirement wanted, Instant now, Dictionary<string, string[]> missing)
    {
        var what = wanted.Kind ?? "interaction";
        var candidates = deal.StageInteractions
            .Where(i => i.StageId == deal.ActivityId && i.At <= now && (wanted.Kind is null || i.Kind == wanted.Kind))
            .ToList();
        if (candidates.Count == 0)
        {
            var with = wanted.Fields.Count > 0 ? $" with {string.Join(", ", wanted.Fields.Select(DescribeInteractionField))}" : "";
            missing["interaction"] = [$"Log a {what}{with} at '{_stageName}' before choosing '{outcome}'."];
            return;
        }
        // The most complete one is the one the manager meant; list only what it still lacks.
        var best = candidates.MinBy(i => wanted.Fields.Count(f => !i.Filled.Contains(f, StringComparer.Ordinal)))!;
        foreach (var field in wanted.Fields.Where(f => !best.Filled.Contains(f, StringComparer.Ordinal)))
            missing[$"interaction.{field}"] = [$"The {what} logged at '{_stageName}' has no {DescribeInteractionField(field)}; log one that has, before choosing '{outcome}'."];
    }

    private static bool IsFilled(DealInstance deal, string field)
    {
        if (field.StartsWith("fields.", StringComparison.Ordinal))
        {
            return deal.Fields.TryGetValue(field["fields.".Length..], out var value)
                && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                && !(value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));
        }
        return field switch
        {
            "title" => !string.IsNullOrWhiteSpace(deal.Title),
            "amount" => deal.Amount is not null,
            "source" => !string.IsNullOrWhiteSpace(deal.Source),
            "client" => deal.ClientId is not null || deal.Client is not null,
            "contact" => deal.ContactIds.Count > 0 || deal.Contact is not null,
            "nextStep" => deal.NextStep is not null,
            _ => false,
        };
    }

    private static string Describe(string field) => field.StartsWith("fields.", StringComparison.Ordinal)
        ? $"the field '{field["fields.".Length..]}'"
        : field switch
        {
            "nextStep" => "the next step",
            _ => $"the {field}",
        };

    private static string DescribeInteractionField(string field) => field switch
    {
        "at" => "date",
        _ => field,
    };

    private static Requirement? Read(JsonElement json, string where, ActivityCompileContext context)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            context.Report(ValidationCodes.BadSetting, $"{where}: expected {{ \"fields\": [...], \"interaction\": {{...}}, \"file\": \"proposal\" }}.");
            return null;
        }
        var fields = new List<string>();
        InteractionRequirement? interaction = null;
        string? file = null;
        var ok = true;
        foreach (var property in json.EnumerateObject())
        {
            switch (property.Name)
            {
                case "fields":
                    ok &= ReadList(property.Value, $"{where}, fields", IsKnownDealField,
                        $"a deal field is one of {string.Join(", ", DealFields)} or fields.<name>", context, fields);
                    break;
                case "interaction":
                    interaction = ReadInteraction(property.Value, where, context);
                    ok &= interaction is not null;
                    break;
                case "file":
                    file = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()?.Trim() : null;
                    if (string.IsNullOrEmpty(file))
                    {
                        context.Report(ValidationCodes.BadSetting, $"{where}, file: expected the id of a file category, e.g. \"proposal\".");
                        ok = false;
                    }
                    break;
                default:
                    context.Report(ValidationCodes.BadSetting, $"{where}: unknown setting '{property.Name}'; use \"fields\", \"interaction\" and \"file\".");
                    ok = false;
                    break;
            }
        }
        if (ok && fields.Count == 0 && interaction is null && file is null)
        {
            context.Report(ValidationCodes.BadSetting, $"{where}: requires nothing; list \"fields\", an \"interaction\" or a \"file\".");
            ok = false;
        }
        return ok ? new Requirement(fields, interaction, file) : null;
    }

    private static InteractionRequirement? ReadInteraction(JsonElement json, string where, ActivityCompileContext context)
    {
        where += ", interaction";
        if (json.ValueKind != JsonValueKind.Object)
        {
            context.Report(ValidationCodes.BadSetting, $"{where}: expected {{ \"kind\": \"meeting\", \"fields\": [\"at\", \"contact\", \"topic\", \"result\"] }}.");
            return null;
        }
        string? kind = null;
        var fields = new List<string>();
        var ok = true;
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name == "kind")
            {
                kind = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                if (!InteractionKinds.IsKnown(kind))
                {
                    context.Report(ValidationCodes.BadSetting, $"{where}: kind must be one of {string.Join(", ", InteractionKinds.All)}.");
                    ok = false;
                }
            }
            else if (property.Name == "fields")
            {
                ok &= ReadList(property.Value, $"{where}, fields", f => InteractionKinds.Fields.Contains(f, StringComparer.Ordinal),
                    $"an interaction field is one of {string.Join(", ", InteractionKinds.Fields)}", context, fields);
            }
            else
            {
                context.Report(ValidationCodes.BadSetting, $"{where}: unknown setting '{property.Name}'; use \"kind\" and \"fields\".");
                ok = false;
            }
        }
        return ok ? new InteractionRequirement(kind, fields) : null;
    }

    private static bool ReadList(JsonElement json, string where, Func<string, bool> isKnown, string hint, ActivityCompileContext context, List<string> into)
    {
        if (json.ValueKind != JsonValueKind.Array)
        {
            context.Report(ValidationCodes.BadSetting, $"{where}: expected a list of names.");
            return false;
        }
        var ok = true;
        foreach (var item in json.EnumerateArray())
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (name is null || !isKnown(name))
            {
                context.Report(ValidationCodes.BadSetting, $"{where}: '{(name ?? item.ToString())}' is not known; {hint}.");
                ok = false;
            }
            else if (!into.Contains(name, StringComparer.Ordinal))
            {
                into.Add(name);
            }
        }
        return ok;
    }

    private static bool IsKnownDealField(string name) =>
        DealFields.Contains(name, StringComparer.Ordinal)
        || (name.StartsWith("fields.", StringComparison.Ordinal) && name.Length > "fields.".Length);

    private sealed record Requirement(IReadOnlyList<string> Fields, InteractionRequirement? Interaction, string? File);

    private sealed record InteractionRequirement(string? Kind, IReadOnlyList<string> Fields);
}
