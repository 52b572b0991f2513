using System.Text.Json;

namespace Crm.Api.Infrastructure;

/// <summary>
/// The longest text a user may store in each kind of field, in one place so that the API, the import and the browser
/// app agree. A longer value is a 400 naming the field and its limit; nothing is cut silently.
/// </summary>
public static class TextLimits
{
    /// <summary>Ids in addresses and bodies (see <see cref="IdRules"/>).</summary>
    public const int Id = 64;

    /// <summary>Names of people, clients, teams, calendars, funnels, plans, dictionary entries; deal titles.</summary>
    public const int Name = 200;

    public const int Email = 254;

    public const int Phone = 40;

    /// <summary>A contact's position, a deal's source, an interaction's topic or result, a next step's "what".</summary>
    public const int Short = 500;

    /// <summary>A comment on a move, an interaction's text, a lead's message.</summary>
    public const int Comment = 10_000;

    /// <summary>A field name of a deal's <c>fields</c>.</summary>
    public const int FieldName = 100;

    /// <summary>A field value of a deal's <c>fields</c>, as JSON text.</summary>
    public const int FieldValue = 4_000;

    /// <summary>How many fields a deal may carry.</summary>
    public const int FieldCount = 200;

    /// <summary>How many entries a dictionary (sources, segments, work results) may have.</summary>
    public const int DictionaryEntries = 1_000;

    /// <summary>A search query.</summary>
    public const int Query = 200;

    /// <summary>A funnel definition as JSON; the request body limit of the funnel endpoints.</summary>
    public const int DefinitionBytes = 2 * 1024 * 1024;

    /// <summary>How many activities a funnel may have.</summary>
    public const int DefinitionActivities = 500;

    /// <summary>Adds an error for <paramref name="field"/> when <paramref name="value"/> is longer than
    /// <paramref name="limit"/>; true when it fits (or is absent).</summary>
    public static bool Check(Dictionary<string, string[]> errors, string field, string? value, int limit)
    {
        if (value is null || value.Length <= limit)
            return true;
        errors[field] = [$"'{field}' is at most {limit} characters (it has {value.Length})."];
        return false;
    }

    /// <summary>The same for every item of a list, reported once for the list.</summary>
    public static bool Check(Dictionary<string, string[]> errors, string field, IEnumerable<string?>? values, int limit)
    {
        foreach (var value in values ?? [])
        {
            if (!Check(errors, field, value, limit))
                return false;
        }
        return true;
    }

    /// <summary>A deal's <c>fields</c>: at most <see cref="FieldCount"/> of them, names up to <see cref="FieldName"/>
    /// characters, values up to <see cref="FieldValue"/> characters of JSON.</summary>
    public static bool CheckFields(Dictionary<string, string[]> errors, string field, IReadOnlyDictionary<string, JsonElement>? fields)
    {
        if (fields is null)
            return true;
        if (fields.Count > FieldCount)
        {
            errors[field] = [$"'{field}' holds at most {FieldCount} fields (it has {fields.Count})."];
            return false;
        }
        foreach (var (name, value) in fields)
        {
            if (name.Length > FieldName)
            {
                errors[field] = [$"A field name is at most {FieldName} characters ('{Shorten(name)}' has {name.Length})."];
                return false;
            }
            if (value.GetRawText().Length > FieldValue)
            {
                errors[$"{field}.{name}"] = [$"A field value is at most {FieldValue} characters of JSON."];
                return false;
            }
        }
        return true;
    }

    /// <summary>The errors for one value, for endpoints that check a single field.</summary>
    public static Dictionary<string, string[]> Errors(params (string Field, string? Value, int Limit)[] values)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value, limit) in values)
            Check(errors, field, value, limit);
        return errors;
    }

    /// <summary>A value short enough to quote back in an error message.</summary>
    public static string Shorten(string text, int length = 60) => text.Length <= length ? text : text[..length] + "…";
}
