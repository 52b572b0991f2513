using Crm.Api.Persistence;

namespace Crm.Api.Deals;

/// <summary>
/// How a search box matches deals, in SQL: by title, client name and contact name, e-mail or phone, ignoring case. Text
/// that looks like a phone number (at least 5 digits and nothing but digits, spaces and + ( ) - .) is compared by
/// digits, by the last 10 when it has more. The search box, the deal list and the board all match this way.
/// </summary>
public static class DealTextMatch
{
    public static IQueryable<DealRecord> Matching(this IQueryable<DealRecord> deals, CrmDbContext db, string q)
    {
        if (LooksLikePhone(q) && ContactKeys.PhoneSearch(q) is { } phone)
            return deals.Where(d => (d.ContactPhoneKey != null && d.ContactPhoneKey.Contains(phone))
                || (d.ClientId != null && db.Contacts.Any(c => c.ClientId == d.ClientId && c.PhoneKeys.Contains(phone))));
        var text = ContactKeys.Search(q);
        return deals.Where(d => (d.SearchText != null && d.SearchText.Contains(text))
            || (d.ContactEmailKey != null && d.ContactEmailKey.Contains(text))
            || (d.ClientId != null && (db.Clients.Any(c => c.Id == d.ClientId && c.NameKey.Contains(text))
                || db.Contacts.Any(c => c.ClientId == d.ClientId && (c.NameKey!.Contains(text) || c.EmailKeys.Contains(text))))));
    }

    public static bool LooksLikePhone(string q) =>
        q.Count(char.IsAsciiDigit) >= 5 && q.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-' or '.');
}
