using System.Globalization;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NodaTime;
using NodaTime.Text;

namespace Crm.Api.Audit;

/// <summary>
/// Which fields of a tracked client or contact changed, read from EF's own metadata so a property added to the records
/// is audited without anyone remembering to. A list field (phones, e-mails, segments) is one change per item added or
/// removed, so each change holds a single value.
/// </summary>
public static class AuditedFields
{
    /// <summary>
    /// Bookkeeping the entry itself already says (the id, the time, the version) or that is derived from audited fields
    /// (the lower-cased search keys): recording them would repeat the personal data and bury the real changes.
    /// </summary>
    public static readonly IReadOnlySet<string> Bookkeeping = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(ClientRecord.Id), nameof(ClientRecord.Version), nameof(ClientRecord.CreatedAt), nameof(ClientRecord.UpdatedAt),
        nameof(ClientRecord.NameKey), nameof(ContactRecord.EmailKeys), nameof(ContactRecord.PhoneKeys),
    };

    public sealed record Change(string Field, string? Before, string? After);

    public static List<Change> Of(EntityEntry entry)
    {
        var changes = new List<Change>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Bookkeeping.Contains(name))
                continue;
            var before = entry.State == EntityState.Added ? null : property.OriginalValue;
            var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            var field = JsonName(name);
            if (before is IEnumerable<string> || after is IEnumerable<string>)
            {
                var old = (before as IEnumerable<string>)?.ToList() ?? [];
                var now = (after as IEnumerable<string>)?.ToList() ?? [];
                changes.AddRange(old.Except(now, StringComparer.Ordinal).Select(v => new Change(field, v, null)));
                changes.AddRange(now.Except(old, StringComparer.Ordinal).Select(v => new Change(field, null, v)));
                continue;
            }
            var oldText = Text(before);
            var newText = Text(after);
            if (!string.Equals(oldText, newText, StringComparison.Ordinal))
                changes.Add(new Change(field, oldText, newText));
        }
        return changes;
    }

    public static string JsonName(string property) => char.ToLowerInvariant(property[0]) + property[1..];

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        Instant i => InstantPattern.ExtendedIso.Format(i),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
