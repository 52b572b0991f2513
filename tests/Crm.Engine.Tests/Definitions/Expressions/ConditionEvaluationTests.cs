using Crm.Engine.Definitions.Expressions;
using NodaTime;
using static Crm.Engine.Tests.Definitions.Expressions.ConditionTestData;

namespace Crm.Engine.Tests.Definitions.Expressions;

public sealed class ConditionEvaluationTests
{
    [Fact]
    public void Evaluate_AmountAboveThreshold_IsTrue() =>
        Evaluate("deal.amount >= 1000000").ShouldBeTrue();

    [Fact]
    public void Evaluate_AmountBelowThreshold_IsFalse() =>
        Evaluate("deal.amount >= 1000000", Deal(amount: 999_999.99m)).ShouldBeFalse();

    [Theory]
    [InlineData("deal.amount == 1500000", true)]
    [InlineData("deal.amount == 1500000.00", true)]
    [InlineData("deal.amount == 1500001", false)]
    [InlineData("deal.amount != 1500001", true)]
    [InlineData("deal.amount != 1500000", false)]
    [InlineData("deal.amount < 1500001", true)]
    [InlineData("deal.amount < 1500000", false)]
    [InlineData("deal.amount <= 1500000", true)]
    [InlineData("deal.amount <= 1499999.99", false)]
    [InlineData("deal.amount > 1499999.99", true)]
    [InlineData("deal.amount > 1500000", false)]
    [InlineData("deal.amount >= 1500000", true)]
    [InlineData("deal.amount >= 1500000.01", false)]
    [InlineData("deal.amount > -5", true)]
    [InlineData("deal.fields.ratio > 0.5", true)]
    [InlineData("deal.fields.ratio < -0.5", false)]
    [InlineData("deal.fields.employees > 50 or deal.amount > 200000.50", true)]
    [InlineData("1 < 2", true)]
    [InlineData("2.5 == 2.50", true)]
    public void Evaluate_NumberComparison_FollowsOperator(string text, bool expected) =>
        Evaluate(text).ShouldBe(expected);

    [Theory]
    [InlineData("deal.source == \"website\"", true)]
    [InlineData("deal.source == 'website'", true)]
    [InlineData("deal.source == \"Website\"", false)]
    [InlineData("deal.source != \"Website\"", true)]
    [InlineData("lower(deal.title) == \"big order\"", true)]
    [InlineData("deal.title == \"big order\"", false)]
    [InlineData("deal.title < \"C\"", true)]
    [InlineData("deal.title < \"B\"", false)]
    [InlineData("deal.title > \"Big\"", true)]
    [InlineData("deal.title >= \"Big order\"", true)]
    [InlineData("deal.title <= \"Big order\"", true)]
    [InlineData("\"a\" < \"b\"", true)]
    [InlineData("\"Z\" < \"a\"", true)]
    [InlineData("len(deal.title) == 9", true)]
    [InlineData("len(deal.fields.region) > 5", false)]
    [InlineData("len(\"\") == 0", true)]
    [InlineData("lower(\"ABC\") == \"abc\"", true)]
    [InlineData("deal.fields.Город == \"Москва\"", true)]
    public void Evaluate_StringComparison_IsOrdinalAndCaseSensitive(string text, bool expected) =>
        Evaluate(text).ShouldBe(expected);

    public static TheoryData<bool, bool, bool> AllTriples()
    {
        var data = new TheoryData<bool, bool, bool>();
        foreach (var a in new[] { false, true })
            foreach (var b in new[] { false, true })
                foreach (var c in new[] { false, true })
                    data.Add(a, b, c);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllTriples))]
    public void Evaluate_NotAndOr_BindNotTightestThenAndThenOr(bool a, bool b, bool c)
    {
        var expected = (!a && b) || c;
        string Word(bool value) => value ? "true" : "false";

        Evaluate($"not {Word(a)} and {Word(b)} or {Word(c)}").ShouldBe(expected);
        Evaluate($"!{Word(a)} && {Word(b)} || {Word(c)}").ShouldBe(expected);
        Evaluate($"((not {Word(a)}) and {Word(b)}) or {Word(c)}").ShouldBe(expected);
        Evaluate($"not ({Word(a)} and {Word(b)} or {Word(c)})").ShouldBe(!((a && b) || c));
        Evaluate($"{Word(c)} or {Word(b)} and not {Word(a)}").ShouldBe(expected);
    }

    [Theory]
    [InlineData("deal.amount > 1 and deal.amount < 2", false)]
    [InlineData("deal.amount > 1 or deal.amount < 2", true)]
    [InlineData("deal.amount > 1 && deal.source == \"website\"", true)]
    [InlineData("deal.amount < 1 || deal.source == \"website\"", true)]
    [InlineData("!(deal.amount < 1)", true)]
    [InlineData("not not true", true)]
    [InlineData("true and true and true and false", false)]
    [InlineData("false or false or false or true", true)]
    [InlineData("deal.source in [\"website\", \"referral\"] and not (deal.fields.region == \"north\")", false)]
    [InlineData("deal.source in [\"website\", \"referral\"] and not (deal.fields.region == \"south\")", true)]
    public void Evaluate_LogicalOperators_CombineComparisons(string text, bool expected) =>
        Evaluate(text).ShouldBe(expected);

    [Theory]
    [InlineData("deal.source in [\"website\", \"referral\"]", true)]
    [InlineData("deal.source in [\"referral\", \"website\"]", true)]
    [InlineData("deal.source in [\"referral\"]", false)]
    [InlineData("deal.source in ['Website']", false)]
    [InlineData("deal.source not in [\"referral\"]", true)]
    [InlineData("deal.source not in [\"website\"]", false)]
    [InlineData("deal.amount in [1, 1500000]", true)]
    [InlineData("deal.fields.employees in [100, 120.0]", true)]
    [InlineData("deal.fields.missing in [null]", true)]
    [InlineData("deal.fields.missing in [1, 2]", false)]
    [InlineData("deal.fields.signedOn in [date(\"2027-02-20\")]", true)]
    [InlineData("deal.createdAt in [date(\"2027-02-15\"), date(\"2027-02-16\")]", true)]
    [InlineData("lower(deal.title) in [lower(\"BIG ORDER\")]", true)]
    [InlineData("deal.stageId in [deal.fields.region, \"new\"]", true)]
    public void Evaluate_In_MatchesAnyItemOfTheList(string text, bool expected) =>
        Evaluate(text).ShouldBe(expected);

    [Theory]
    [InlineData("deal.title == \"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("deal.title == 'it\\'s'", "it's")]
    [InlineData("deal.title == \"it's\"", "it's")]
    [InlineData("deal.title == 'say \"hi\"'", "say \"hi\"")]
    [InlineData("deal.title == \"back\\\\slash\"", "back\\slash")]
    [InlineData("deal.title == \"a\\nb\\tc\\rd\"", "a\nb\tc\rd")]
    [InlineData("deal.title == \"\\u0416\\/\"", "Ж/")]
    [InlineData("deal.title == \"\"", "")]
    public void Evaluate_StringEscapes_AreUnescaped(string text, string title)
    {
        var scope = new DictionaryScope(new() { ["title"] = ConditionValue.FromString(title) });

        Parse(text).Evaluate(scope).ShouldBeTrue();
    }

    [Theory]
    [InlineData("deal.createdAt < date(\"2027-03-01\")", true)]
    [InlineData("deal.createdAt == date(\"2027-02-15\")", true)]
    [InlineData("deal.createdAt >= date(\"2027-02-15\")", true)]
    [InlineData("deal.createdAt > date(\"2027-02-15\")", false)]
    [InlineData("date(\"2027-02-14\") < deal.createdAt", true)]
    [InlineData("deal.createdAt == instant(\"2027-02-15T06:00:00Z\")", true)]
    [InlineData("deal.createdAt < instant(\"2027-02-15T06:00:00.001Z\")", true)]
    [InlineData("deal.createdAt > instant(\"2027-02-15T05:59:59Z\")", true)]
    [InlineData("date(\"2027-01-01\") < date(\"2027-01-02\")", true)]
    [InlineData("deal.fields.signedOn == date(\"2027-02-20\")", true)]
    [InlineData("deal.fields.signedOn > date(\"2027-02-19\")", true)]
    [InlineData("deal.fields.signedOn == \"2027-02-20\"", true)]
    [InlineData("deal.fields.signedOn > deal.createdAt", true)]
    [InlineData("deal.fields.paidAt > instant(\"2027-02-21T09:00:00Z\")", true)]
    [InlineData("deal.fields.paidAt < instant(\"2027-02-21T09:00:00Z\")", false)]
    [InlineData("deal.fields.paidAt == date(\"2027-02-21\")", false)]
    [InlineData("deal.createdAt < \"2027-03-01\"", true)]
    public void Evaluate_DatesAndInstants_Compare(string text, bool expected) =>
        Evaluate(text).ShouldBe(expected);

    [Theory]
    [InlineData("deal.amount == null", true)]
    [InlineData("null == deal.amount", true)]
    [InlineData("deal.amount != null", false)]
    [InlineData("deal.amount > 0", false)]
    [InlineData("deal.amount < 0", false)]
    [InlineData("deal.amount <= 0", false)]
    [InlineData("deal.amount == 0", false)]
    [InlineData("deal.amount != 0", true)]
    [InlineData("deal.source == null", true)]
    [InlineData("lower(deal.source) == null", true)]
    [InlineData("len(deal.source) > 0", false)]
    [InlineData("deal.fields.note == null", true)]
    [InlineData("deal.fields.missing == null", true)]
    [InlineData("deal.fields.tags == null", true)]
    [InlineData("deal.fields.address == null", true)]
    [InlineData("deal.fields.huge == null", true)]
    [InlineData("deal.fields.region != null", true)]
    [InlineData("deal.fields.missing", false)]
    [InlineData("not deal.fields.missing", true)]
    [InlineData("null == null", true)]
    [InlineData("null != null", false)]
    public void Evaluate_Null_EqualsOnlyNullAndNeverOrders(string text, bool expected) =>
        Evaluate(text, Deal(amount: null, source: null)).ShouldBe(expected);

    [Theory]
    [InlineData("deal.fields.region > 5")]
    [InlineData("deal.fields.region == 5")]
    [InlineData("deal.fields.region != 5")]
    [InlineData("deal.fields.employees == \"120\"")]
    [InlineData("deal.fields.employees < date(\"2027-01-01\")")]
    [InlineData("deal.fields.region < date(\"2027-01-01\")")]
    [InlineData("deal.fields.region >= instant(\"2027-01-01T00:00:00Z\")")]
    [InlineData("deal.fields.vip == 1")]
    [InlineData("deal.fields.vip == \"true\"")]
    [InlineData("deal.fields.region")]
    [InlineData("deal.fields.employees")]
    [InlineData("deal.fields.employees and true")]
    [InlineData("deal.fields.employees or false")]
    [InlineData("lower(deal.fields.employees) == \"120\"")]
    [InlineData("len(deal.fields.vip) > 0")]
    [InlineData("deal.fields.region in [1, 2]")]
    [InlineData("deal.fields.blocked == deal.fields.region")]
    public void Evaluate_MismatchedRuntimeKinds_IsFalse(string text) =>
        Evaluate(text).ShouldBeFalse();

    [Theory]
    [InlineData("deal.fields.vip", true)]
    [InlineData("deal.fields.blocked", false)]
    [InlineData("deal.fields.vip == true", true)]
    [InlineData("deal.fields.vip != false", true)]
    [InlineData("deal.fields.blocked == false", true)]
    [InlineData("deal.fields.vip and not deal.fields.blocked", true)]
    [InlineData("deal.fields.employees == 120", true)]
    [InlineData("deal.fields.region == \"north\"", true)]
    [InlineData("deal.fields[\"some key\"] == \"spaced\"", true)]
    [InlineData("deal.fields['region'] == deal.fields.region", true)]
    public void Evaluate_CustomFieldsOfEachJsonKind_Compare(string text, bool expected) =>
        Evaluate(text).ShouldBe(expected);

    [Theory]
    [InlineData("DEAL.AMOUNT > 5 AND NOT FALSE")]
    [InlineData("Deal.Source In [\"website\"] Or False")]
    [InlineData("deal.amount != NULL")]
    [InlineData("TRUE")]
    [InlineData("LOWER(deal.title) == \"big order\"")]
    [InlineData("deal.createdAt < Date(\"2027-03-01\")")]
    [InlineData("deal.stageid == \"new\" && deal.OwnerId == \"anna\"")]
    [InlineData("deal.source NOT IN [\"referral\"]")]
    public void Evaluate_KeywordsInAnyCase_AreRecognised(string text) =>
        Evaluate(text).ShouldBeTrue();

    [Fact]
    public void Evaluate_KnownFieldsOfTheDeal_AreRead()
    {
        Evaluate("deal.title == \"Big order\" and deal.stageId == \"new\" and deal.ownerId == \"anna\" " +
                 "and deal.teamId == \"sales\" and deal.workflowId == \"b2b-sales\" and deal.source == \"website\" " +
                 "and deal.createdAt == instant(\"2027-02-15T06:00:00Z\")").ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_ManyTimes_GivesTheSameAnswerForDifferentDeals()
    {
        var condition = Parse("deal.amount >= 1000000 and deal.fields.employees > 50");
        var big = new DealConditionScope(Deal(amount: 2_000_000m));
        var small = new DealConditionScope(Deal(amount: 10m));

        for (var i = 0; i < 100; i++)
        {
            condition.Evaluate(big).ShouldBeTrue();
            condition.Evaluate(small).ShouldBeFalse();
        }
    }

    [Fact]
    public void Evaluate_NumbersAndCustomNumberFields_DoNotAllocate()
    {
        var condition = Parse("deal.amount >= 1000000 and deal.fields.employees in [50, 120] and deal.createdAt < date(\"2027-03-01\")");
        var scope = new DealConditionScope(Deal());
        condition.Evaluate(scope).ShouldBeTrue();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
            condition.Evaluate(scope);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBe(0);
    }

    [Fact]
    public void Evaluate_NullScope_Throws() =>
        Should.Throw<ArgumentNullException>(() => Parse("true").Evaluate(null!));

    [Fact]
    public void Evaluate_ScopeWithAnyValueKind_NeverThrows()
    {
        ConditionValue[] values =
        [
            ConditionValue.Null, ConditionValue.FromNumber(1m), ConditionValue.FromString("2027-02-15"),
            ConditionValue.FromString("x"), ConditionValue.True, ConditionValue.FromDate(new LocalDate(2027, 2, 15)),
            ConditionValue.FromInstant(CreatedAt), ConditionValue.FromNumber(decimal.MaxValue),
        ];
        string[] conditions =
        [
            "deal.fields.a == deal.fields.b", "deal.fields.a != deal.fields.b", "deal.fields.a < deal.fields.b",
            "deal.fields.a >= deal.fields.b", "deal.fields.a in [deal.fields.b, 1, \"x\", date(\"2027-02-15\")]",
            "lower(deal.fields.a) == deal.fields.b", "len(deal.fields.a) > len(deal.fields.b)",
            "deal.fields.a and not deal.fields.b",
        ];
        foreach (var text in conditions)
        {
            var condition = Parse(text);
            foreach (var a in values)
                foreach (var b in values)
                {
                    var scope = new DictionaryScope(new() { ["fields.a"] = a, ["fields.b"] = b });
                    Should.NotThrow(() => condition.Evaluate(scope));
                }
        }
    }
}
