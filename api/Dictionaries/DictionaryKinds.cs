using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Dictionaries;

/// <summary>The dictionaries people pick values from, and lookups against them.</summary>
public static class DictionaryKinds
{
    public const string Sources = "sources";
    public const string WorkResults = "workResults";
    public const string Segments = "segments";
    public const string FileCategories = "fileCategories";

    public static readonly IReadOnlyList<string> All = [Sources, WorkResults, Segments, FileCategories];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);

    /// <summary>The ids of one dictionary.</summary>
    public static async Task<HashSet<string>> IdsAsync(this CrmDbContext db, string kind, CancellationToken ct) =>
        (await db.Dictionaries.AsNoTracking().Where(d => d.Kind == kind).Select(d => d.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    public static Task<bool> InDictionaryAsync(this CrmDbContext db, string kind, string id, CancellationToken ct) =>
        db.Dictionaries.AsNoTracking().AnyAsync(d => d.Kind == kind && d.Id == id, ct);
}
