using Crm.Api.Clients;
using Crm.Api.Deals;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Search;

/// <summary>
/// One search box over clients, contacts and deals, by name, e-mail and phone. Text is compared ignoring case.
/// A query that looks like a phone number (at least 5 digits and nothing but digits, spaces and + ( ) - .) is compared
/// by digits, and by its last 10 digits when it has more: "+7 (495) 123-45-67" finds "84951234567" and "495 123 45 67".
/// Deals are only those the caller may see.
/// </summary>
public static class SearchEndpoints
{
    private const int PerKind = 20;

    public sealed record SearchResults(IReadOnlyList<ClientCard> Clients, IReadOnlyList<ContactCard> Contacts, IReadOnlyList<SearchDeal> Deals);

    public sealed record SearchDeal(string Id, string Title, string State, string? StageId, string? OwnerId, string? ClientId, string? ClientName, string? ContactName);

    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", async (string? q, HttpContext http, CrmDbContext db, UserDirectory directory, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2)
                return Problems.Validation(new() { ["q"] = ["Type at least 2 characters."] });
            var text = ContactKeys.Search(q);
            var phone = DealTextMatch.LooksLikePhone(q) ? ContactKeys.PhoneSearch(q) : null;

            var contactQuery = db.Contacts.AsNoTracking();
            contactQuery = phone is not null
                ? contactQuery.Where(c => c.PhoneKeys.Contains(phone))
                : contactQuery.Where(c => c.NameKey!.Contains(text) || c.EmailKeys.Contains(text));
            var contacts = await contactQuery.OrderBy(c => c.NameKey).Take(PerKind).ToListAsync(ct);

            var contactClientIds = contacts.Select(c => c.ClientId).Distinct().ToArray();
            var clients = await db.Clients.AsNoTracking()
                .Where(c => contactClientIds.Contains(c.Id) || (phone == null && c.NameKey.Contains(text)))
                .OrderBy(c => c.NameKey).Take(PerKind).ToListAsync(ct);

            var deals = db.Deals.AsNoTracking().VisibleTo(http.Caller(), directory).Matching(db, q);
            var found = await deals.OrderBy(d => d.State == "open" ? 0 : 1).ThenByDescending(d => d.UpdatedAt).Take(PerKind)
                .Select(d => new SearchDeal(d.Id, d.Title, d.State, d.StageId, d.OwnerId, d.ClientId, d.ClientName, d.ContactName)).ToListAsync(ct);

            return Results.Ok(new SearchResults([.. clients.Select(c => ClientBook.Card(c))], [.. contacts.Select(ClientBook.Card)], found));
        });
    }
}
