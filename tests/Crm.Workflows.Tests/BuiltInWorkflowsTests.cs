using System.Text.Json;
using Crm.Engine.Definitions;
using Crm.Testing;

namespace Crm.Workflows.Tests;

public sealed class BuiltInWorkflowsTests
{
    public static TheoryData<string> FunnelIds => [.. BuiltInWorkflows.Ids];

    [Theory]
    [MemberData(nameof(FunnelIds))]
    public void Load_BuiltInFunnel_CompilesWithNoErrors(string id)
    {
        var result = TestFlowcharts.Validate(BuiltInWorkflows.Load(id));

        result.Errors.ShouldBeEmpty();
        result.Flowchart!.WorkflowId.ShouldBe(id);
    }

    [Theory]
    [MemberData(nameof(FunnelIds))]
    public void Write_BuiltInFunnel_ParsesBackToTheSameDefinition(string id)
    {
        var loaded = BuiltInWorkflows.Load(id);

        var json = DefinitionJson.Write(loaded);
        var parsed = DefinitionJson.Parse(json);

        ShouldBeSameFunnel(parsed, loaded);
        DefinitionJson.Write(parsed).ShouldBe(json);
    }

    [Theory]
    [MemberData(nameof(FunnelIds))]
    public void Load_BuiltInFunnel_KeepsEverySettingOfTheJson(string id)
    {
        using var source = JsonDocument.Parse(BuiltInWorkflows.Json(id));

        var written = JsonSerializer.SerializeToElement(BuiltInWorkflows.Load(id), DefinitionJson.Options);

        // Writing may add defaults (pausesClocks: false, escalations: []); it must not lose or change anything.
        Lost(source.RootElement, written, "$").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("inbound-lead", true)]
    [InlineData("b2b-sales", false)]
    [InlineData("complaint", false)]
    [InlineData("unsorted", false)]
    public void Load_BuiltInFunnel_IsOpenForWebsiteLeadsOnlyWhenMeantForThem(string id, bool acceptsLeads) =>
        BuiltInWorkflows.Load(id).AcceptsLeads.ShouldBe(acceptsLeads);

    [Fact]
    public void Write_FunnelClosedToLeads_LeavesTheSettingOut() =>
        DefinitionJson.Write(BuiltInWorkflows.Load("b2b-sales")).ShouldNotContain("acceptsLeads");

    [Fact]
    public void All_IsEveryBuiltInFunnelOnce() =>
        BuiltInWorkflows.All().Select(f => f.Id).ShouldBe(["b2b-sales", "inbound-lead", "complaint", "unsorted"]);

    private static void ShouldBeSameFunnel(WorkflowDefinition actual, WorkflowDefinition expected)
    {
        actual.Id.ShouldBe(expected.Id);
        actual.Name.ShouldBe(expected.Name);
        actual.Description.ShouldBe(expected.Description);
        actual.CalendarId.ShouldBe(expected.CalendarId);
        actual.AcceptsLeads.ShouldBe(expected.AcceptsLeads);
        actual.Start.ShouldBe(expected.Start);
        actual.Activities.Count.ShouldBe(expected.Activities.Count);
        foreach (var (a, e) in actual.Activities.Zip(expected.Activities))
        {
            a.Id.ShouldBe(e.Id);
            a.Type.ShouldBe(e.Type);
            a.Name.ShouldBe(e.Name);
            (a.Outcomes ?? []).ShouldBe(e.Outcomes ?? []);
            a.PausesClocks.ShouldBe(e.PausesClocks);
            a.ReturnOutcome.ShouldBe(e.ReturnOutcome);
            a.Design.ShouldBe(e.Design);
            a.Regulation?.Duration.ShouldBe(e.Regulation?.Duration);
            a.Regulation?.WarnBefore.ShouldBe(e.Regulation?.WarnBefore);
            (a.Regulation is null).ShouldBe(e.Regulation is null);
            (a.Regulation?.Escalations ?? []).ShouldBe(e.Regulation?.Escalations ?? []);
            Settings(a).ShouldBe(Settings(e));
        }
        actual.Connections.ShouldBe(expected.Connections);
        actual.Regulations.Count.ShouldBe(expected.Regulations.Count);
        foreach (var (a, e) in actual.Regulations.Zip(expected.Regulations))
        {
            (a with { Escalations = [] }).ShouldBe(e with { Escalations = [] });
            a.Escalations.ShouldBe(e.Escalations);
        }
    }

    private static Dictionary<string, string> Settings(ActivityDefinition activity) =>
        (activity.Properties ?? new Dictionary<string, JsonElement>()).ToDictionary(p => p.Key, p => JsonSerializer.Serialize(p.Value));

    /// <summary>Paths of <paramref name="expected"/> that <paramref name="actual"/> lacks or holds differently.</summary>
    private static IEnumerable<string> Lost(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
            return [path];
        return expected.ValueKind switch
        {
            JsonValueKind.Object => expected.EnumerateObject().SelectMany(p => actual.TryGetProperty(p.Name, out var value)
                ? Lost(p.Value, value, $"{path}.{p.Name}")
                : [$"{path}.{p.Name}"]),
            JsonValueKind.Array => expected.GetArrayLength() != actual.GetArrayLength()
                ? [path]
                : expected.EnumerateArray().Zip(actual.EnumerateArray()).SelectMany((pair, i) => Lost(pair.First, pair.Second, $"{path}[{i}]")),
            _ => JsonElement.DeepEquals(expected, actual) ? [] : [path],
        };
    }
}
