using System.Text.Json;
using Crm.Engine.Definitions.Expressions;
using NodaTime;

namespace Crm.Engine.Tests.Definitions.Expressions;

public sealed class ConditionValueTests
{
    [Fact]
    public void Default_IsNull()
    {
        default(ConditionValue).IsNull.ShouldBeTrue();
        default(ConditionValue).ShouldBe(ConditionValue.Null);
    }

    [Fact]
    public void FromNullableInputs_WithoutValue_AreNull()
    {
        ConditionValue.FromString(null).IsNull.ShouldBeTrue();
        ConditionValue.FromNumber((decimal?)null).IsNull.ShouldBeTrue();
        ConditionValue.FromInstant((Instant?)null).IsNull.ShouldBeTrue();
    }

    [Fact]
    public void Equals_ComparesKindAndValue()
    {
        ConditionValue.FromNumber(1m).ShouldBe(ConditionValue.FromNumber(1.0m));
        (ConditionValue.FromNumber(1m) == ConditionValue.FromString("1")).ShouldBeFalse();
        (ConditionValue.FromString("a") != ConditionValue.FromString("A")).ShouldBeTrue();
        ConditionValue.FromDate(new LocalDate(2027, 1, 1)).GetHashCode()
            .ShouldBe(ConditionValue.FromDate(new LocalDate(2027, 1, 1)).GetHashCode());
    }

    [Fact]
    public void Accessor_OfAnotherKind_Throws() =>
        Should.Throw<InvalidOperationException>(() => ConditionValue.FromString("x").Number);

    [Theory]
    [InlineData("42.50", "42.50")]
    [InlineData("\"a\\\"b\"", "\"a\\\"b\"")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData("[1]", "null")]
    [InlineData("{}", "null")]
    [InlineData("1e400", "null")]
    public void FromJson_ReadsScalarsAndIgnoresTheRest(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        ConditionValue.FromJson(document.RootElement).ToString().ShouldBe(expected);
    }

    [Fact]
    public void FromJson_UndefinedElement_IsNull() =>
        ConditionValue.FromJson(default).IsNull.ShouldBeTrue();
}
