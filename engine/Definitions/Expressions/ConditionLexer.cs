using System.Globalization;
using System.Text;

namespace Crm.Engine.Definitions.Expressions;

/// <summary>Splits condition text into tokens. Stops at the first malformed token; the parser cannot recover from one anyway.</summary>
internal static class ConditionLexer
{
    public static List<ConditionToken> Tokenize(string text, out ConditionError? error)
    {
        var tokens = new List<ConditionToken>();
        var i = 0;
        error = null;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            if (i >= text.Length)
            {
                tokens.Add(new ConditionToken(TokenKind.End, text.Length, 0, ConditionValue.Null));
                return tokens;
            }
            var token = Next(text, i, out error);
            if (error is not null)
                return tokens;
            tokens.Add(token);
            i = token.End;
        }
    }

    private static ConditionToken Next(string text, int start, out ConditionError? error)
    {
        error = null;
        var c = text[start];
        var next = start + 1 < text.Length ? text[start + 1] : '\0';
        if (char.IsLetter(c) || c == '_')
            return Word(text, start);
        if (char.IsAsciiDigit(c) || (c == '-' && char.IsAsciiDigit(next)))
            return Number(text, start, out error);
        if (c is '"' or '\'')
            return StringLiteral(text, start, out error);

        (TokenKind Kind, int Length)? symbol = (c, next) switch
        {
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('.', _) => (TokenKind.Dot, 1),
            ('=', '=') => (TokenKind.Equal, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('<', '=') => (TokenKind.LessOrEqual, 2),
            ('>', '=') => (TokenKind.GreaterOrEqual, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('&', '&') => (TokenKind.AndAnd, 2),
            ('|', '|') => (TokenKind.OrOr, 2),
            ('!', _) => (TokenKind.Bang, 1),
            _ => null,
        };
        if (symbol is { } found)
            return new ConditionToken(found.Kind, start, found.Length, ConditionValue.Null);

        var message = c switch
        {
            '=' => $"use '==' to compare, not '=', at {start}",
            '&' => $"use 'and' or '&&', not '&', at {start}",
            '|' => $"use 'or' or '||', not '|', at {start}",
            _ => $"unexpected character '{c}' at {start}",
        };
        error = new ConditionError(start, message);
        return default;
    }

    private static ConditionToken Word(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
            i++;
        return new ConditionToken(TokenKind.Word, start, i - start, ConditionValue.FromString(text[start..i]));
    }

    private static ConditionToken Number(string text, int start, out ConditionError? error)
    {
        error = null;
        var i = start + 1;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
        if (i < text.Length && text[i] == '.')
        {
            if (i + 1 >= text.Length || !char.IsAsciiDigit(text[i + 1]))
            {
                error = new ConditionError(i + 1, $"expected digits after the decimal point at {i + 1}");
                return default;
            }
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
        }
        var span = text.AsSpan(start, i - start);
        if (!decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            error = new ConditionError(start, $"the number {span} at {start} is too large");
            return default;
        }
        return new ConditionToken(TokenKind.Number, start, i - start, ConditionValue.FromNumber(number));
    }

    private static ConditionToken StringLiteral(string text, int start, out ConditionError? error)
    {
        error = null;
        var quote = text[start];
        var builder = new StringBuilder();
        var i = start + 1;
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] != '\\')
            {
                builder.Append(text[i++]);
                continue;
            }
            if (i + 1 >= text.Length)
                break;
            var escape = text[i + 1];
            char? simple = escape switch
            {
                '\\' => '\\',
                '"' => '"',
                '\'' => '\'',
                '/' => '/',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => null,
            };
            if (simple is { } plain)
            {
                builder.Append(plain);
                i += 2;
            }
            else if (escape == 'u' && i + 6 <= text.Length
                     && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 6;
            }
            else
            {
                error = new ConditionError(i, $"unknown escape '\\{escape}' at {i}; use \\\\, \\\", \\', \\n, \\r, \\t or \\uXXXX");
                return default;
            }
        }
        if (i >= text.Length)
        {
            error = new ConditionError(start, $"the string starting at {start} is not closed with {quote}");
            return default;
        }
        return new ConditionToken(TokenKind.String, start, i + 1 - start, ConditionValue.FromString(builder.ToString()));
    }
}
