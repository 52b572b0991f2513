using System.Text.RegularExpressions;

namespace Crm.Api.Infrastructure;

/// <summary>Ids that appear in addresses: letters, digits, '-', '_' and '.', up to 64 characters.</summary>
public static partial class IdRules
{
    public const string Explanation = "An id uses letters, digits, '-', '_' or '.', at most 64 characters.";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
