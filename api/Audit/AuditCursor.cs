using System.Globalization;
using NodaTime;

namespace Crm.Api.Audit;

/// <summary>Where a page ended: the last entry's time and id, so the next page starts strictly after it whatever is added meanwhile.</summary>
public sealed record AuditCursor(Instant At, string Id)
{
    public override string ToString() => $"{At.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture)}-{Id}";

    public static AuditCursor? Parse(string? text)
    {
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash <= 0 || !long.TryParse(text![..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            return null;
        var id = text[(dash + 1)..];
        return id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit) ? new AuditCursor(Instant.FromUnixTimeTicks(ticks), id) : null;
    }
}
