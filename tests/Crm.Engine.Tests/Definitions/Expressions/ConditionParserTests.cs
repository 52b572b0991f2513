using Crm.Engine.Definitions.Expressions;

namespace Crm.Engine.Tests.Definitions.Expressions;

public sealed class ConditionParserTests
{
    [Theory]
    [InlineData("deal.amount >= 1000000")]
    [InlineData("deal.source in [\"website\", \"referral\"] and not (deal.fields.region == \"north\")")]
    [InlineData("deal.createdAt < date(\"2027-03-01\")")]
    [InlineData("deal.fields.employees > 50 or deal.amount > 200000.50")]
    [InlineData("  deal.amount>=1000000  ")]
    [InlineData("deal . amount >= 1")]
    [InlineData("deal.fields[\"some key\"] == 'x'")]
    [InlineData("deal.fields.and == 1 or deal.fields.in == 2")]
    [InlineData("deal.fields.approved")]
    [InlineData("(((true)))")]
    public void Parse_ValidCondition_SucceedsAndKeepsText(string text)
    {
        var result = ConditionParser.Parse(text);

        result.Errors.ShouldBeEmpty();
        result.Success.ShouldBeTrue();
        result.Condition!.Text.ShouldBe(text);
        result.Condition.ToString().ShouldBe(text);
    }

    [Theory]
    // empty
    [InlineData("", 0, "the condition is empty")]
    [InlineData("   ", 0, "the condition is empty")]
    [InlineData(null, 0, "the condition is empty")]
    // lexical
    [InlineData("deal.title == \"abc", 14, "the string starting at 14 is not closed")]
    [InlineData("deal.title == 'abc\\'", 14, "the string starting at 14 is not closed")]
    [InlineData("deal.title == \"a\\qb\"", 16, "unknown escape '\\q' at 16")]
    [InlineData("deal.amount = 1", 12, "use '==' to compare")]
    [InlineData("deal.amount > 1 & true", 16, "use 'and' or '&&'")]
    [InlineData("deal.amount > 1 | true", 16, "use 'or' or '||'")]
    [InlineData("deal.amount # 1", 12, "unexpected character '#' at 12")]
    [InlineData("deal.amount > 1.", 16, "expected digits after the decimal point at 16")]
    [InlineData("deal.amount > 99999999999999999999999999999999", 14, "is too large")]
    // dangling operators and misplaced tokens
    [InlineData("deal.amount >= ", 15, "expected a value after '>=' at 15")]
    [InlineData("deal.amount >=", 14, "expected a value after '>=' at 14")]
    [InlineData("deal.amount >= 1000 and", 23, "expected a value after 'and' at 23")]
    [InlineData("deal.amount >= 1000 ||", 22, "expected a value after '||' at 22")]
    [InlineData("not", 3, "expected a value after 'not' at 3")]
    [InlineData("deal.amount > )", 14, "expected a value after '>' but found ')' at 14")]
    [InlineData("and true", 0, "expected a value but found 'and' at 0")]
    [InlineData("(deal.amount > 1", 16, "expected ')' to close the '(' at 0, found the end at 16")]
    [InlineData("deal.amount > 1)", 15, "unexpected ')' at 15")]
    [InlineData("deal.amount > 1 2", 16, "unexpected '2' at 16")]
    [InlineData("1 < 2 < 3", 6, "comparisons can't be chained at 6")]
    [InlineData("(1 < 2 == true)", 7, "comparisons can't be chained at 7")]
    [InlineData("deal.source in [\"a\"] in [true]", 21, "comparisons can't be chained at 21")]
    [InlineData("[1, 2] == deal.amount", 0, "a list is only allowed after 'in'")]
    // in
    [InlineData("deal.source in \"website\"", 15, "expected a list like [\"a\", \"b\"] after 'in' at 15")]
    [InlineData("deal.source in deal.title", 15, "expected a list")]
    [InlineData("deal.source in []", 16, "the list after 'in' is empty at 16")]
    [InlineData("deal.source in [\"a\" \"b\"]", 20, "expected ',' or ']' in the list opened at 15, found '\"b\"' at 20")]
    [InlineData("deal.source in [\"a\",]", 20, "expected a value after ',' but found ']' at 20")]
    // names and functions
    [InlineData("foo(1) == 2", 0, "unknown function foo() at 0; known: date, instant, lower, len")]
    [InlineData("deal.foo == 1", 5, "unknown field deal.foo at 5; known: deal.title, deal.amount")]
    [InlineData("region == \"north\"", 0, "unknown name 'region' at 0")]
    [InlineData("opportunity.amount > 1", 0, "unknown field opportunity.amount at 0; known: deal.title")]
    [InlineData("Deal.Foo > 1", 5, "unknown field deal.Foo at 5")]
    [InlineData("deal == 1", 5, "expected '.' and a field name after 'deal' at 5")]
    [InlineData("deal.1 == 1", 5, "expected a field name after 'deal.' at 5")]
    [InlineData("deal.fields == 1", 12, "expected a custom field name after deal.fields at 12")]
    [InlineData("deal.fields[\"\"] == 1", 12, "a custom field name can't be empty")]
    [InlineData("deal.fields.a.b == 1", 13, "deal.fields.a has no parts of its own, at 13")]
    [InlineData("deal.amount.x == 1", 11, "deal.amount has no parts of its own")]
    [InlineData("date(\"2027-02-30\") < deal.createdAt", 5, "date() needs a date in quotes like date(\"2027-03-01\")")]
    [InlineData("date(deal.title) < deal.createdAt", 5, "date() needs a date")]
    [InlineData("instant(\"2027-03-01\") < deal.createdAt", 8, "instant() needs a UTC instant")]
    [InlineData("date(\"2027-01-01\", \"x\") < deal.createdAt", 0, "date() takes one value, not 2, at 0")]
    [InlineData("len() == 0", 0, "len() takes one value, not 0")]
    [InlineData("lower(deal.amount) == \"x\"", 6, "lower() needs a string, but deal.amount is a number, at 6")]
    [InlineData("len(true) > 1", 4, "len() needs a string, but true is true/false")]
    // kinds known before any deal exists
    [InlineData("1 == \"a\"", 2, "can't compare 1 (a number) with \"a\" (a string) at 2")]
    [InlineData("deal.amount == \"big\"", 12, "can't compare deal.amount (a number) with \"big\" (a string)")]
    [InlineData("deal.createdAt > 5", 15, "can't compare deal.createdAt (an instant) with 5 (a number)")]
    [InlineData("true == 1", 5, "can't compare true (true/false) with 1 (a number)")]
    [InlineData("deal.source in [\"a\", 2]", 21, "can't compare deal.source (a string) with 2 (a number) at 21")]
    [InlineData("\"abc\" < date(\"2027-01-01\")", 6, "\"abc\" is not a date written yyyy-MM-dd")]
    [InlineData("deal.createdAt < \"soon\"", 15, "\"soon\" is neither a date nor an instant")]
    [InlineData("deal.amount > null", 12, "'>' with null is always false; use == null or != null")]
    [InlineData("deal.fields.vip < true", 16, "true/false values can only be compared with == or !=, not '<'")]
    [InlineData("deal.amount", 0, "the condition must be true or false, but deal.amount is a number")]
    [InlineData("null", 0, "the condition must be true or false, but null is null")]
    [InlineData("deal.amount and true", 0, "'and' needs true or false on each side, but deal.amount is a number at 0")]
    [InlineData("deal.amount and true and true", 0, "'and' needs true or false on each side, but deal.amount is a number at 0")]
    [InlineData("true or 1 or false", 8, "'or' needs true or false on each side, but 1 is a number at 8")]
    [InlineData("true || \"yes\"", 8, "'||' needs true or false on each side, but \"yes\" is a string at 8")]
    [InlineData("not date(\"2027-01-01\")", 4, "'not' needs true or false on each side, but date(\"2027-01-01\") is a date")]
    public void Parse_InvalidCondition_ReportsPositionAndSentence(string? text, int position, string message)
    {
        var result = ConditionParser.Parse(text);

        result.Success.ShouldBeFalse();
        result.Condition.ShouldBeNull();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Position.ShouldBe(position);
        error.Message.ShouldContain(message, Case.Sensitive);
    }

    [Fact]
    public void Parse_SeveralErrorsOfMeaning_ReportsAllInTextOrder()
    {
        var result = ConditionParser.Parse("deal.bar == 2 and foo(1) and deal.amount == \"x\"");

        result.Errors.Select(error => error.Position).ShouldBe([5, 18, 41]);
        result.Errors[0].Message.ShouldStartWith("unknown field deal.bar");
        result.Errors[1].Message.ShouldStartWith("unknown function foo()");
        result.Errors[2].Message.ShouldStartWith("can't compare deal.amount");
    }

    [Fact]
    public void Parse_UnknownField_ListsTheKnownFields()
    {
        var error = ConditionParser.Parse("deal.foo == 1").Errors.ShouldHaveSingleItem();

        error.Message.ShouldBe(
            "unknown field deal.foo at 5; known: deal.title, deal.amount, deal.source, deal.ownerId, deal.teamId, " +
            "deal.stageId, deal.workflowId, deal.createdAt, deal.fields.<name>");
    }

    [Fact]
    public void Parse_LongerThanTheLimit_ReportsLength()
    {
        var text = string.Concat(Enumerable.Repeat("deal.amount > 1 or ", 110)) + "true";

        var error = ConditionParser.Parse(text).Errors.ShouldHaveSingleItem();

        text.Length.ShouldBeGreaterThan(2000);
        error.Position.ShouldBe(2000);
        error.Message.ShouldBe($"the condition is {text.Length} characters long, more than the 2000 allowed, at 2000");
    }

    [Fact]
    public void Parse_AtTheLengthLimit_Succeeds()
    {
        var text = "deal.title == \"" + new string('x', 2000 - 16) + "\"";

        text.Length.ShouldBe(2000);
        ConditionParser.Parse(text).Success.ShouldBeTrue();
    }

    [Theory]
    [InlineData("(", ")", 32, true)]
    [InlineData("(", ")", 33, false)]
    [InlineData("not ", "", 32, true)]
    [InlineData("not ", "", 33, false)]
    [InlineData("! ", "", 33, false)]
    [InlineData("lower(", ")", 33, false)]
    public void Parse_Nesting_IsLimitedTo32Levels(string open, string close, int levels, bool succeeds)
    {
        var inner = open == "lower(" ? "\"x\"" : "true";
        var text = string.Concat(Enumerable.Repeat(open, levels)) + inner + string.Concat(Enumerable.Repeat(close, levels));
        if (open == "lower(")
            text += " == \"x\"";

        var result = ConditionParser.Parse(text);

        result.Success.ShouldBe(succeeds, string.Join("; ", result.Errors));
        if (!succeeds)
        {
            var error = result.Errors.ShouldHaveSingleItem();
            error.Message.ShouldStartWith("the condition nests deeper than 32 levels at ");
            // The 33rd opener is refused; a call's level starts at its parenthesis.
            error.Position.ShouldBe((32 * open.Length) + Math.Max(0, open.IndexOf('(', StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Parse_InListNesting_CountsTowardsTheDepth()
    {
        var text = string.Concat(Enumerable.Repeat("(", 31)) + "deal.source in [(\"a\")]" + string.Concat(Enumerable.Repeat(")", 31));

        var error = ConditionParser.Parse(text).Errors.ShouldHaveSingleItem();

        error.Message.ShouldStartWith("the condition nests deeper than 32 levels");
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("not ", "")]
    [InlineData("!", "")]
    [InlineData("lower(", ")")]
    public void Parse_TenThousandLevelsOfNesting_ReturnsAnErrorInsteadOfCrashing(string open, string close)
    {
        var text = string.Concat(Enumerable.Repeat(open, 10_000)) + "true" + string.Concat(Enumerable.Repeat(close, 10_000));
        var generous = new ConditionLimits { MaxLength = 1_000_000 };

        var withDefaults = ConditionParser.Parse(text);
        var withRoomForTheText = ConditionParser.Parse(text, generous);

        withDefaults.Errors.ShouldHaveSingleItem().Message.ShouldContain("more than the 2000 allowed");
        withRoomForTheText.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("the condition nests deeper than 32 levels");
    }

    [Fact]
    public void Parse_ListOf498Values_FitsInTheNodeLimit()
    {
        // 498 items + the field + the 'in' itself = 500 nodes.
        var text = "deal.fields.x in [" + string.Join(",", Enumerable.Repeat("1", 498)) + "]";

        ConditionParser.Parse(text).Success.ShouldBeTrue();
    }

    [Theory]
    [InlineData(499)]
    [InlineData(900)]
    public void Parse_ListOverTheNodeLimit_ReportsTooManyParts(int items)
    {
        var text = "deal.fields.x in [" + string.Join(",", Enumerable.Repeat("1", items)) + "]";

        var error = ConditionParser.Parse(text).Errors.ShouldHaveSingleItem();

        error.Message.ShouldStartWith("the condition has more than 500 parts at ");
        error.Message.ShouldEndWith("; split it across several decisions");
    }

    [Fact]
    public void Parse_LongOrChainOverTheNodeLimit_ReportsTooManyParts()
    {
        var text = string.Join(" or ", Enumerable.Repeat("1 == 1", 180));

        text.Length.ShouldBeLessThanOrEqualTo(2000);
        ConditionParser.Parse(text).Errors.ShouldHaveSingleItem().Message.ShouldStartWith("the condition has more than 500 parts");
    }

    [Fact]
    public void Parse_CustomLimits_AreApplied()
    {
        var limits = new ConditionLimits { MaxLength = 10, MaxDepth = 1, MaxNodes = 3 };

        ConditionParser.Parse("deal.amount > 1", limits).Errors.ShouldHaveSingleItem().Message.ShouldContain("more than the 10 allowed");
        ConditionParser.Parse("((true))", limits).Errors.ShouldHaveSingleItem().Message.ShouldContain("deeper than 1 levels");
        ConditionParser.Parse("1<2 or 3<4", limits).Errors.ShouldHaveSingleItem().Message.ShouldContain("more than 3 parts");
        ConditionParser.Parse("(1 < 2)", limits).Success.ShouldBeTrue();
    }

    [Fact]
    public void Parse_RandomTokenSoup_NeverThrowsAndWhatParsesEvaluates()
    {
        string[] pieces =
        [
            "deal.amount", "deal.title", "deal.createdAt", "deal.fields.region", "deal.fields.vip", "deal.fields.signedOn",
            "deal.fields[\"some key\"]", "deal", ".", "1", "-2.5", "\"north\"", "'2027-02-20'", "true", "null",
            "date(\"2027-03-01\")", "instant(\"2027-03-01T06:00:00Z\")", "lower(", "len(", "foo(", "(", ")", "[", "]", ",",
            "==", "!=", "<", "<=", ">", ">=", "in", "not", "!", "and", "or", "&&", "||", "\"", "\\", "=", "#",
        ];
        var random = new Random(20270301);
        var deal = new DealConditionScope(ConditionTestData.Deal());
        var parsed = 0;
        for (var i = 0; i < 5000; i++)
        {
            var text = string.Join(" ", Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));

            var result = ConditionParser.Parse(text);

            if (result.Success)
            {
                parsed++;
                result.Condition.Evaluate(deal);
            }
            else
            {
                result.Errors.ShouldNotBeEmpty(text);
                result.Errors.ShouldAllBe(error => error.Position >= 0 && error.Position <= text.Length);
            }
        }
        parsed.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Parse_Whitespace_IsAllowedAroundEverything()
    {
        var result = ConditionParser.Parse("\tdeal.source\nin\r\n[ 'website' ,'referral' ]\n");

        result.Success.ShouldBeTrue();
    }
}
