using Crm.Engine.Definitions.Expressions;
using Crm.Engine.Runtime;
using NodaTime;
using static Crm.Engine.Tests.Definitions.Expressions.ConditionTestData;

namespace Crm.Engine.Tests.Definitions.Expressions;

public sealed class DealConditionScopeTests
{
    [Theory]
    [InlineData("title", "\"Big order\"")]
    [InlineData("amount", "1500000")]
    [InlineData("source", "\"website\"")]
    [InlineData("ownerId", "\"anna\"")]
    [InlineData("teamId", "\"sales\"")]
    [InlineData("stageId", "\"new\"")]
    [InlineData("workflowId", "\"b2b-sales\"")]
    [InlineData("createdAt", "instant(\"2027-02-15T06:00:00Z\")")]
    [InlineData("fields.region", "\"north\"")]
    [InlineData("fields.employees", "120")]
    [InlineData("fields.ratio", "0.75")]
    [InlineData("fields.vip", "true")]
    [InlineData("fields.blocked", "false")]
    [InlineData("fields.note", "null")]
    [InlineData("fields.tags", "null")]
    [InlineData("fields.address", "null")]
    [InlineData("fields.huge", "null")]
    [InlineData("fields.signedOn", "\"2027-02-20\"")]
    [InlineData("fields.some key", "\"spaced\"")]
    [InlineData("fields.missing", "null")]
    [InlineData("fields.", "null")]
    [InlineData("Title", "null")]
    [InlineData("nonsense", "null")]
    public void Get_Path_MapsTheDeal(string path, string expected) =>
        new DealConditionScope(Deal()).Get(path).ToString().ShouldBe(expected);

    [Fact]
    public void Get_EveryKnownField_HasTheDeclaredKind()
    {
        var scope = new DealConditionScope(Deal());

        foreach (var (name, kind) in ConditionFields.Known)
            scope.Get(name).Kind.ShouldBe(kind, name);
    }

    [Fact]
    public void Get_UnsetOptionalFields_AreNull()
    {
        var deal = new DealInstance
        {
            Id = "d",
            WorkflowId = "w",
            WorkflowVersion = 1,
            Title = "t",
            CreatedAt = Instant.FromUtc(2027, 1, 1, 0, 0),
        };
        var scope = new DealConditionScope(deal);

        foreach (var path in new[] { "amount", "source", "ownerId", "teamId", "stageId", "fields.region" })
            scope.Get(path).IsNull.ShouldBeTrue(path);
    }

    [Fact]
    public void Get_FieldsWithAnotherComparer_StillFound()
    {
        var deal = Deal();
        var fields = new Dictionary<string, System.Text.Json.JsonElement>(deal.Fields, StringComparer.OrdinalIgnoreCase);
        var scope = new DealConditionScope(new DealInstance
        {
            Id = deal.Id,
            WorkflowId = deal.WorkflowId,
            WorkflowVersion = 1,
            Title = deal.Title,
            CreatedAt = deal.CreatedAt,
            Fields = fields,
        });

        scope.Get("fields.REGION").ShouldBe(ConditionValue.FromString("north"));
    }
}
