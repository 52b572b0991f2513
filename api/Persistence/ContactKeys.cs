namespace Crm.Api.Persistence;

/// <summary>How contacts are compared: e-mail case-insensitively, phones by their digits; and how text is folded for search.</summary>
public static class ContactKeys
{
    public static string? Email(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
            return null;
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? null : digits;
    }

    /// <summary>
    /// What a phone search looks for: the last 10 digits, so that "+7 (495) 123-45-67", "8 495 1234567" and
    /// "4951234567" find each other whatever the country prefix; shorter numbers as they are.
    /// </summary>
    public static string? PhoneSearch(string? phone) =>
        Phone(phone) is { } digits ? (digits.Length > 10 ? digits[^10..] : digits) : null;

    /// <summary>Keys joined between bars: <c>|a|b|</c>, empty when there are none.</summary>
    public static string Joined(IEnumerable<string?> keys)
    {
        var distinct = keys.Where(k => k is not null).Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? "" : $"|{string.Join('|', distinct)}|";
    }

    /// <summary>Text for case-insensitive search: SQLite's LIKE folds only ASCII, so Cyrillic is folded here.</summary>
    public static string Search(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())).ToLowerInvariant();
}
