using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Dictionaries;

public static class DictionaryEndpoints
{
    public sealed record Entry(string? Id, string? Name);

    public static void MapDictionaryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dictionaries", async (CrmDbContext db, CancellationToken ct) =>
        {
            var all = await db.Dictionaries.AsNoTracking().ToListAsync(ct);
            return Results.Ok(DictionaryKinds.All.ToDictionary(k => k, k => all.Where(d => d.Kind == k).OrderBy(d => d.Name).Select(d => new Entry(d.Id, d.Name)).ToList()));
        });

        app.MapGet("/api/dictionaries/{kind}", async (string kind, CrmDbContext db, CancellationToken ct) =>
        {
            if (!DictionaryKinds.IsKnown(kind))
                return Problems.NotFound($"There is no dictionary '{kind}'; the dictionaries are {string.Join(", ", DictionaryKinds.All)}.");
            return Results.Ok(await ListAsync(db, kind, ct));
        });

        // The whole list at once: an admin edits the dictionary as one table and saves it.
        app.MapPut("/api/dictionaries/{kind}", async (string kind, Entry[] body, HttpContext http, CrmDbContext db, CancellationToken ct) =>
        {
            if (!http.Caller().IsAdmin)
                return Problems.Forbidden("Only admins edit dictionaries.");
            if (!DictionaryKinds.IsKnown(kind))
                return Problems.NotFound($"There is no dictionary '{kind}'; the dictionaries are {string.Join(", ", DictionaryKinds.All)}.");
            var errors = new Dictionary<string, string[]>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (body.Length > TextLimits.DictionaryEntries)
                errors["body"] = [$"A dictionary has at most {TextLimits.DictionaryEntries} entries."];
            for (var i = 0; i < body.Length && !errors.ContainsKey("body"); i++)
            {
                if (body[i] is not { } entry)
                {
                    errors[$"[{i}]"] = ["An entry is an object with an id and a name."];
                    continue;
                }
                if (!IdRules.IsValid(entry.Id))
                    errors[$"[{i}].id"] = [IdRules.Explanation];
                else if (!seen.Add(entry.Id!))
                    errors[$"[{i}].id"] = [$"'{entry.Id}' appears twice."];
                if (string.IsNullOrWhiteSpace(entry.Name) || entry.Name.Length > TextLimits.Name)
                    errors[$"[{i}].name"] = [$"A name of 1 to {TextLimits.Name} characters is required."];
            }
            if (errors.Count > 0)
                return Problems.Validation(errors);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Dictionaries.Where(d => d.Kind == kind).ExecuteDeleteAsync(ct);
            db.Dictionaries.AddRange(body.Select(e => new DictionaryRecord { Kind = kind, Id = e.Id!, Name = e.Name!.Trim() }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Results.Ok(await ListAsync(db, kind, ct));
        });
    }

    private static async Task<List<Entry>> ListAsync(CrmDbContext db, string kind, CancellationToken ct) =>
        await db.Dictionaries.AsNoTracking().Where(d => d.Kind == kind).OrderBy(d => d.Name).Select(d => new Entry(d.Id, d.Name)).ToListAsync(ct);
}
