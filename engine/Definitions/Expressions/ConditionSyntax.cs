namespace Crm.Engine.Definitions.Expressions;

/// <summary>
/// The recursive-descent parser behind <see cref="ConditionParser"/>. A method returns null after a syntax error
/// (nothing sensible can follow it); errors of meaning (unknown field, mismatched kinds) are recorded and parsing
/// goes on, so that the admin sees all of them at once.
/// </summary>
internal sealed class ConditionSyntax(string text, List<ConditionToken> tokens, ConditionLimits limits)
{
    private readonly List<ConditionError> _errors = [];
    private int _index;
    private int _depth;
    private int _nodes;

    private ConditionToken Current => tokens[_index];

    private ConditionToken Previous => tokens[_index - 1];

    private ConditionToken Peek(int ahead) => tokens[Math.Min(_index + ahead, tokens.Count - 1)];

    public ConditionParseResult Parse()
    {
        var root = ParseOr();
        if (root is not null && Current.Kind != TokenKind.End)
        {
            Error(Current.Start, $"unexpected {Describe(Current)} at {Current.Start}; expected 'and', 'or' or the end");
            root = null;
        }
        if (root is not null && ConditionTypeRules.CheckCondition(root, text) is { } notCondition)
            Error(root.Start, $"the condition must be true or false, but {notCondition} at {root.Start}");
        if (root is null || _errors.Count > 0)
            return ConditionParseResult.Failed([.. _errors.OrderBy(error => error.Position)]);
        return ConditionParseResult.Ok(new Condition(text, root));
    }

    private ConditionNode? ParseOr() => ParseChain(isOr: true);

    private ConditionNode? ParseAnd() => ParseChain(isOr: false);

    private ConditionNode? ParseChain(bool isOr)
    {
        var first = isOr ? ParseAnd() : ParseNot();
        if (first is null || !IsJoiner(Current, isOr))
            return first;
        CheckOperand(Current, first);
        var operands = new List<ConditionNode> { first };
        while (IsJoiner(Current, isOr))
        {
            var joiner = Advance();
            var next = isOr ? ParseAnd() : ParseNot();
            if (next is null)
                return null;
            CheckOperand(joiner, next);
            operands.Add(next);
        }
        ConditionNode[] array = [.. operands];
        return Track(isOr ? new OrNode(array) : new AndNode(array));
    }

    private ConditionNode? ParseNot()
    {
        if (!Current.IsWord("not") && Current.Kind != TokenKind.Bang)
            return ParseComparison();
        var not = Advance();
        if (!Enter(not.Start))
            return null;
        var operand = ParseNot();
        if (operand is null)
            return null;
        _depth--;
        CheckOperand(not, operand);
        return Track(new NotNode(not.Start, operand));
    }

    private ConditionNode? ParseComparison()
    {
        var comparison = ParseSingleComparison();
        if (comparison is not null && (IsComparison(Current) || Current.IsWord("in")))
            return Fatal<ConditionNode>(Current.Start, $"comparisons can't be chained at {Current.Start}; join them with 'and'");
        return comparison;
    }

    private ConditionNode? ParseSingleComparison()
    {
        var left = ParsePrimary();
        if (left is null)
            return null;
        if (IsComparison(Current))
        {
            var opToken = Advance();
            var op = ToOperator(opToken.Kind);
            var right = ParsePrimary();
            if (right is null)
                return null;
            if (ConditionTypeRules.CheckComparison(op, left, right, text) is { } problem)
                Error(opToken.Start, $"{problem} at {opToken.Start}");
            return Track(new ComparisonNode(op, left, right));
        }
        if (Current.IsWord("in"))
            return ParseIn(left, negated: false);
        if (Current.IsWord("not") && Peek(1).IsWord("in"))
        {
            Advance();
            return ParseIn(left, negated: true);
        }
        return left;
    }

    private ConditionNode? ParseIn(ConditionNode left, bool negated)
    {
        Advance();
        if (Current.Kind != TokenKind.LeftBracket)
            return Fatal<ConditionNode>(Current.Start, $"expected a list like [\"a\", \"b\"] after 'in' at {Current.Start}");
        var open = Advance();
        if (!Enter(open.Start))
            return null;
        if (Current.Kind == TokenKind.RightBracket)
            return Fatal<ConditionNode>(Current.Start, $"the list after 'in' is empty at {Current.Start}");
        var items = new List<ConditionNode>();
        while (true)
        {
            var item = ParsePrimary();
            if (item is null)
                return null;
            if (ConditionTypeRules.CheckComparison(ComparisonOperator.Equal, left, item, text) is { } problem)
                Error(item.Start, $"{problem} at {item.Start}");
            items.Add(item);
            if (Current.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }
            if (Current.Kind == TokenKind.RightBracket)
                break;
            return Fatal<ConditionNode>(Current.Start, $"expected ',' or ']' in the list opened at {open.Start}, found {Describe(Current)} at {Current.Start}");
        }
        var close = Advance();
        _depth--;
        return Track(new InNode(left, [.. items], negated, close.End));
    }

    private ConditionNode? ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
            case TokenKind.String:
                Advance();
                return Track(new ConstantNode(token.Start, token.End, token.Value));
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.LeftBracket:
                return Fatal<ConditionNode>(token.Start, $"a list is only allowed after 'in', at {token.Start}");
            case TokenKind.Word:
                return ParseWord(token);
            default:
                return Fatal<ConditionNode>(token.Start, ExpectedValue(token));
        }
    }

    private ConditionNode? ParseParenthesized()
    {
        var open = Advance();
        if (!Enter(open.Start))
            return null;
        var inner = ParseOr();
        if (inner is null)
            return null;
        if (Current.Kind != TokenKind.RightParen)
            return Fatal<ConditionNode>(Current.Start, $"expected ')' to close the '(' at {open.Start}, found {Describe(Current)} at {Current.Start}");
        Advance();
        _depth--;
        return inner;
    }

    private ConditionNode? ParseWord(ConditionToken token)
    {
        if (token.IsWord("true") || token.IsWord("false") || token.IsWord("null"))
        {
            Advance();
            var value = token.IsWord("null") ? ConditionValue.Null : ConditionValue.FromBoolean(token.IsWord("true"));
            return Track(new ConstantNode(token.Start, token.End, value));
        }
        if (Peek(1).Kind == TokenKind.LeftParen)
            return ParseCall();
        if (token.IsWord("deal"))
            return ParseField();
        if (token.IsWord("and") || token.IsWord("or") || token.IsWord("not") || token.IsWord("in"))
            return Fatal<ConditionNode>(token.Start, ExpectedValue(token));
        return ParseUnknownName();
    }

    /// <summary>Reports a name that is neither a field nor a keyword, swallowing its dotted parts so that it is reported once.</summary>
    private ConditionNode? ParseUnknownName()
    {
        var first = Advance();
        while (Current.Kind == TokenKind.Dot && Peek(1).Kind == TokenKind.Word)
        {
            Advance();
            Advance();
        }
        var end = Previous.End;
        var message = end == first.End
            ? $"unknown name '{first.Value.Text}' at {first.Start}; fields are written like deal.amount, text goes in quotes"
            : $"unknown field {text[first.Start..end]} at {first.Start}; known: {ConditionFields.KnownList}";
        Error(first.Start, message);
        return Invalid(first.Start, end);
    }

    private ConditionNode? ParseField()
    {
        var deal = Advance();
        if (Current.Kind != TokenKind.Dot)
            return Fatal<ConditionNode>(Current.Start, $"expected '.' and a field name after 'deal' at {Current.Start}, e.g. deal.amount");
        Advance();
        if (Current.Kind != TokenKind.Word)
            return Fatal<ConditionNode>(Current.Start, $"expected a field name after 'deal.' at {Current.Start}");
        var nameToken = Advance();
        var name = nameToken.Value.Text;
        string path;
        ConditionValueKind? kind;
        var valid = true;
        if (nameToken.IsWord("fields"))
        {
            if (ParseCustomName() is not { } custom)
                return null;
            path = ConditionFields.CustomPrefix + custom;
            kind = null;
        }
        else if (ConditionFields.TryFind(name, out var canonical, out var knownKind))
        {
            path = canonical;
            kind = knownKind;
        }
        else
        {
            Error(nameToken.Start, $"unknown field deal.{name} at {nameToken.Start}; known: {ConditionFields.KnownList}");
            path = name;
            kind = null;
            valid = false;
        }
        if (Current.Kind is TokenKind.Dot or TokenKind.LeftBracket)
            return Fatal<ConditionNode>(Current.Start, $"{text[deal.Start..Previous.End]} has no parts of its own, at {Current.Start}");
        var end = Previous.End;
        return Track(valid ? new FieldNode(deal.Start, end, path, kind) : new InvalidNode(deal.Start, end));
    }

    private string? ParseCustomName()
    {
        if (Current.Kind == TokenKind.Dot && Peek(1).Kind == TokenKind.Word)
        {
            Advance();
            return Advance().Value.Text;
        }
        if (Current.Kind == TokenKind.LeftBracket && Peek(1).Kind == TokenKind.String && Peek(2).Kind == TokenKind.RightBracket)
        {
            Advance();
            var name = Advance();
            Advance();
            if (name.Value.Text.Length > 0)
                return name.Value.Text;
            return Fatal<string>(name.Start, $"a custom field name can't be empty, at {name.Start}");
        }
        return Fatal<string>(Current.Start,
            $"expected a custom field name after deal.fields at {Current.Start}, like deal.fields.region or deal.fields[\"some key\"]");
    }

    private ConditionNode? ParseCall()
    {
        var nameToken = Advance();
        var open = Advance();
        if (!Enter(open.Start))
            return null;
        var arguments = new List<ConditionNode>();
        if (Current.Kind != TokenKind.RightParen)
        {
            while (true)
            {
                var argument = ParseOr();
                if (argument is null)
                    return null;
                arguments.Add(argument);
                if (Current.Kind != TokenKind.Comma)
                    break;
                Advance();
            }
        }
        if (Current.Kind != TokenKind.RightParen)
            return Fatal<ConditionNode>(Current.Start, $"expected ')' to close the call at {open.Start}, found {Describe(Current)} at {Current.Start}");
        var close = Advance();
        _depth--;
        return ConditionFunctions.Bind(this, nameToken, arguments, close.End);
    }

    internal string Text => text;

    internal ConditionNode? Invalid(int start, int end) => Track(new InvalidNode(start, end));

    /// <summary>Counts a node against <see cref="ConditionLimits.MaxNodes"/>; null (a fatal error) when over.</summary>
    internal ConditionNode? Track(ConditionNode node)
    {
        if (++_nodes <= limits.MaxNodes)
            return node;
        return Fatal<ConditionNode>(node.Start,
            $"the condition has more than {limits.MaxNodes} parts at {node.Start}; split it across several decisions");
    }

    internal void Error(int position, string message) => _errors.Add(new ConditionError(position, message));

    private T? Fatal<T>(int position, string message) where T : class
    {
        Error(position, message);
        return null;
    }

    private bool Enter(int position)
    {
        if (++_depth <= limits.MaxDepth)
            return true;
        Error(position, $"the condition nests deeper than {limits.MaxDepth} levels at {position}");
        return false;
    }

    private ConditionToken Advance()
    {
        var token = tokens[_index];
        if (_index < tokens.Count - 1)
            _index++;
        return token;
    }

    private void CheckOperand(ConditionToken op, ConditionNode operand)
    {
        if (ConditionTypeRules.CheckCondition(operand, text) is { } problem)
            Error(operand.Start, $"'{TokenText(op)}' needs true or false on each side, but {problem} at {operand.Start}");
    }

    private string ExpectedValue(ConditionToken found)
    {
        var after = _index > 0 ? $" after '{TokenText(Previous)}'" : "";
        return found.Kind == TokenKind.End
            ? $"expected a value{after} at {found.Start}"
            : $"expected a value{after} but found {Describe(found)} at {found.Start}";
    }

    private string Describe(ConditionToken token) =>
        token.Kind == TokenKind.End ? "the end" : $"'{TokenText(token)}'";

    private string TokenText(ConditionToken token)
    {
        const int MaxToken = 30;
        return token.Length <= MaxToken ? text.Substring(token.Start, token.Length) : string.Concat(text.AsSpan(token.Start, MaxToken), "…");
    }

    private static bool IsJoiner(ConditionToken token, bool isOr) => isOr
        ? token.IsWord("or") || token.Kind == TokenKind.OrOr
        : token.IsWord("and") || token.Kind == TokenKind.AndAnd;

    private static bool IsComparison(ConditionToken token) => token.Kind is TokenKind.Equal or TokenKind.NotEqual
        or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual;

    private static ComparisonOperator ToOperator(TokenKind kind) => kind switch
    {
        TokenKind.Equal => ComparisonOperator.Equal,
        TokenKind.NotEqual => ComparisonOperator.NotEqual,
        TokenKind.Less => ComparisonOperator.Less,
        TokenKind.LessOrEqual => ComparisonOperator.LessOrEqual,
        TokenKind.Greater => ComparisonOperator.Greater,
        _ => ComparisonOperator.GreaterOrEqual,
    };
}
