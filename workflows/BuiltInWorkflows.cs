using System.Reflection;
using System.Text.Json;
using Crm.Engine.Definitions;

namespace Crm.Workflows;

/// <summary>The funnels Crm ships with, and the seed dictionaries, read from this assembly's embedded JSON.</summary>
public static class BuiltInWorkflows
{
    public static readonly IReadOnlyList<string> Ids = ["b2b-sales", "inbound-lead", "complaint"];

    public static IReadOnlyList<WorkflowDefinition> All() => [.. Ids.Select(Load)];

    public static WorkflowDefinition Load(string id) => DefinitionJson.Parse(ReadResource($"Crm.Workflows.{id}.json"));

    public static string Json(string id) => ReadResource($"Crm.Workflows.{id}.json");

    public static SeedDictionaries Dictionaries() =>
        JsonSerializer.Deserialize<SeedDictionaries>(ReadResource("Crm.Workflows.seed.dictionaries.json"), DefinitionJson.Options)
        ?? throw new InvalidDataException("The seed dictionaries are empty.");

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Built-in resource '{name}' is missing from {typeof(BuiltInWorkflows).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>Deal sources, work results and client segments every installation starts with.</summary>
public sealed record SeedDictionaries(IReadOnlyList<DictionaryEntry> Sources, IReadOnlyList<DictionaryEntry> WorkResults, IReadOnlyList<DictionaryEntry>? Segments = null,
    IReadOnlyList<DictionaryEntry>? FileCategories = null);

public sealed record DictionaryEntry(string Id, string Name);
