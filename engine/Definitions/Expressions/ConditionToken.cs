namespace Crm.Engine.Definitions.Expressions;

internal enum TokenKind
{
    End,
    Word,
    Number,
    String,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    AndAnd,
    OrOr,
    Bang,
}

/// <summary>
/// One lexical token. <see cref="Value"/> holds a word's text, a string literal's unescaped text or a number;
/// <see cref="Start"/> and <see cref="Length"/> locate it in the source for messages.
/// </summary>
internal readonly record struct ConditionToken(TokenKind Kind, int Start, int Length, ConditionValue Value)
{
    public int End => Start + Length;

    public bool IsWord(string word) =>
        Kind == TokenKind.Word && string.Equals(Value.Text, word, StringComparison.OrdinalIgnoreCase);
}
