using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Crm.Engine.Definitions.Expressions;

/// <summary>
/// One value inside a condition: null, a number, a string, a boolean, a date or an instant. A struct so that
/// evaluating a condition does not allocate for the values it passes around; <c>default</c> is null.
/// </summary>
public readonly struct ConditionValue : IEquatable<ConditionValue>
{
    private readonly decimal _number;
    private readonly Instant _instant;
    private readonly string? _text;
    private readonly LocalDate _date;
    private readonly bool _boolean;
    private readonly ConditionValueKind _kind;

    private ConditionValue(
        ConditionValueKind kind, decimal number = 0, string? text = null, bool boolean = false,
        LocalDate date = default, Instant instant = default)
    {
        _kind = kind;
        _number = number;
        _text = text;
        _boolean = boolean;
        _date = date;
        _instant = instant;
    }

    public static ConditionValue Null => default;
    public static ConditionValue True { get; } = new(ConditionValueKind.Boolean, boolean: true);
    public static ConditionValue False { get; } = new(ConditionValueKind.Boolean, boolean: false);

    public static ConditionValue FromNumber(decimal value) => new(ConditionValueKind.Number, number: value);

    public static ConditionValue FromNumber(decimal? value) => value is { } number ? FromNumber(number) : Null;

    /// <summary>A string value; a null string is the null value.</summary>
    public static ConditionValue FromString(string? value) => value is null ? Null : new(ConditionValueKind.String, text: value);

    public static ConditionValue FromBoolean(bool value) => value ? True : False;

    public static ConditionValue FromDate(LocalDate value) => new(ConditionValueKind.Date, date: value);

    public static ConditionValue FromInstant(Instant value) => new(ConditionValueKind.Instant, instant: value);

    public static ConditionValue FromInstant(Instant? value) => value is { } instant ? FromInstant(instant) : Null;

    /// <summary>
    /// Reads a custom deal field: a JSON number (within decimal range), string or boolean becomes that value;
    /// null, a missing value, arrays and objects become null because a condition has no way to look inside them.
    /// </summary>
    public static ConditionValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.TryGetDecimal(out var number) ? FromNumber(number) : Null,
        JsonValueKind.String => FromString(element.GetString()),
        JsonValueKind.True => True,
        JsonValueKind.False => False,
        _ => Null,
    };

    public ConditionValueKind Kind => _kind;

    public bool IsNull => _kind == ConditionValueKind.Null;

    /// <summary>The number; throws when the value is not a number.</summary>
    public decimal Number => _kind == ConditionValueKind.Number ? _number : throw WrongKind(ConditionValueKind.Number);

    /// <summary>The string; throws when the value is not a string.</summary>
    public string Text => _kind == ConditionValueKind.String ? _text! : throw WrongKind(ConditionValueKind.String);

    /// <summary>The boolean; throws when the value is not a boolean.</summary>
    public bool Boolean => _kind == ConditionValueKind.Boolean ? _boolean : throw WrongKind(ConditionValueKind.Boolean);

    /// <summary>The date; throws when the value is not a date.</summary>
    public LocalDate Date => _kind == ConditionValueKind.Date ? _date : throw WrongKind(ConditionValueKind.Date);

    /// <summary>The instant; throws when the value is not an instant.</summary>
    public Instant Instant => _kind == ConditionValueKind.Instant ? _instant : throw WrongKind(ConditionValueKind.Instant);

    /// <summary>True only for the boolean <c>true</c>; a condition treats every other value as false.</summary>
    public bool IsTrue => _kind == ConditionValueKind.Boolean && _boolean;

    public bool Equals(ConditionValue other) => _kind == other._kind && _kind switch
    {
        ConditionValueKind.Null => true,
        ConditionValueKind.Number => _number == other._number,
        ConditionValueKind.String => string.Equals(_text, other._text, StringComparison.Ordinal),
        ConditionValueKind.Boolean => _boolean == other._boolean,
        ConditionValueKind.Date => _date == other._date,
        ConditionValueKind.Instant => _instant == other._instant,
        _ => false,
    };

    public override bool Equals(object? obj) => obj is ConditionValue other && Equals(other);

    public override int GetHashCode() => _kind switch
    {
        ConditionValueKind.Number => HashCode.Combine(_kind, _number),
        ConditionValueKind.String => HashCode.Combine(_kind, StringComparer.Ordinal.GetHashCode(_text!)),
        ConditionValueKind.Boolean => HashCode.Combine(_kind, _boolean),
        ConditionValueKind.Date => HashCode.Combine(_kind, _date),
        ConditionValueKind.Instant => HashCode.Combine(_kind, _instant),
        _ => 0,
    };

    public static bool operator ==(ConditionValue left, ConditionValue right) => left.Equals(right);

    public static bool operator !=(ConditionValue left, ConditionValue right) => !left.Equals(right);

    /// <summary>The value as it would be written in a condition, e.g. <c>"north"</c> or <c>date("2027-03-01")</c>.</summary>
    public override string ToString() => _kind switch
    {
        ConditionValueKind.Number => _number.ToString(CultureInfo.InvariantCulture),
        ConditionValueKind.String => Quote(_text!),
        ConditionValueKind.Boolean => _boolean ? "true" : "false",
        ConditionValueKind.Date => $"date(\"{LocalDatePattern.Iso.Format(_date)}\")",
        ConditionValueKind.Instant => $"instant(\"{InstantPattern.ExtendedIso.Format(_instant)}\")",
        _ => "null",
    };

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private InvalidOperationException WrongKind(ConditionValueKind wanted) =>
        new($"The value is {_kind}, not {wanted}.");
}
