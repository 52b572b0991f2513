using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Crm.Testing;

/// <summary>
/// Walks an object's data by reflection: every public property with a setter (init or set), into records, lists and
/// dictionaries, down to values (strings, numbers, enums, NodaTime values, JSON). Properties without a setter are
/// derived and left out. Tests built on it cover a property added later without being told about it.
/// </summary>
public static class DataParts
{
    /// <summary>The data properties of <paramref name="type"/>.</summary>
    public static IReadOnlyList<PropertyInfo> Of(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)];

    /// <summary>Whether the property can only be set while the object is built (an <c>init</c> accessor).</summary>
    public static bool IsInitOnly(PropertyInfo property) =>
        property.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    /// <summary>Whether a value of this type can change in place (a list or dictionary).</summary>
    public static bool IsMutableCollection(Type type) => typeof(IList).IsAssignableFrom(type) && !type.IsArray || typeof(IDictionary).IsAssignableFrom(type);

    /// <summary>The paths of every part of <paramref name="value"/> left at its default (null, empty, zero, first enum member).</summary>
    public static List<string> Unset(object? value, string path)
    {
        var unset = new List<string>();
        FindUnset(value, path, unset);
        return unset;
    }

    /// <summary>The paths where <paramref name="actual"/> differs from <paramref name="expected"/>; every data property
    /// compared on the way is added to <paramref name="compared"/> as <c>Type.Property</c>.</summary>
    public static List<string> Differences(object? expected, object? actual, string path, ISet<string>? compared = null)
    {
        var differences = new List<string>();
        Compare(expected, actual, path, differences, compared ?? new HashSet<string>());
        return differences;
    }

    /// <summary>A different value of the same type: numbers and instants one tick on, text with a mark added, the next
    /// enum member, a list without its last element. Lists and dictionaries change in place.</summary>
    public static object Changed(object value) => value switch
    {
        string s => s + "-changed",
        int i => i + 1,
        long l => l + 1,
        decimal d => d + 1,
        bool b => !b,
        NodaTime.Instant instant => instant + NodaTime.Duration.Epsilon,
        NodaTime.Duration duration => duration + NodaTime.Duration.Epsilon,
        Enum e => NextMember(e),
        IList { Count: > 0 } list => RemoveLast(list),
        IDictionary { Count: > 0 } dictionary => RemoveLast(dictionary),
        _ => throw new NotSupportedException($"No changed value for {value.GetType().Name}: teach DataParts.Changed the type."),
    };

    private static void FindUnset(object? value, string path, List<string> unset)
    {
        switch (value)
        {
            case null:
                unset.Add(path);
                return;
            case string s:
                if (s.Length == 0)
                    unset.Add(path);
                return;
            case JsonElement json:
                if (json.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
                    unset.Add(path);
                return;
            case IDictionary dictionary:
                if (dictionary.Count == 0)
                    unset.Add(path);
                foreach (DictionaryEntry entry in dictionary)
                    FindUnset(entry.Value, $"{path}[{entry.Key}]", unset);
                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                    FindUnset(item, $"{path}[{index++}]", unset);
                if (index == 0)
                    unset.Add(path);
                return;
        }
        var type = value.GetType();
        if (IsValue(type))
        {
            if (Equals(value, Activator.CreateInstance(type)))
                unset.Add(path);
            return;
        }
        var properties = Of(type);
        if (properties.Count == 0)
            throw new NotSupportedException($"{type.Name} at {path} has no data properties: teach DataParts the type.");
        foreach (var property in properties)
            FindUnset(property.GetValue(value), $"{path}.{property.Name}", unset);
    }

    private static void Compare(object? expected, object? actual, string path, List<string> differences, ISet<string> compared)
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
                differences.Add($"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }
        switch (expected)
        {
            case string or JsonElement:
                if (expected is JsonElement e ? !JsonElement.DeepEquals(e, (JsonElement)actual) : !Equals(expected, actual))
                    differences.Add($"{path}: expected {expected}, got {actual}");
                return;
            case IDictionary expectedDictionary:
                var actualDictionary = (IDictionary)actual;
                var keys = expectedDictionary.Keys.Cast<object>().Select(k => k.ToString()).Order(StringComparer.Ordinal).ToList();
                var actualKeys = actualDictionary.Keys.Cast<object>().Select(k => k.ToString()).Order(StringComparer.Ordinal).ToList();
                if (!keys.SequenceEqual(actualKeys))
                    differences.Add($"{path}: expected keys [{string.Join(", ", keys)}], got [{string.Join(", ", actualKeys)}]");
                foreach (DictionaryEntry entry in expectedDictionary)
                {
                    if (actualDictionary.Contains(entry.Key))
                        Compare(entry.Value, actualDictionary[entry.Key], $"{path}[{entry.Key}]", differences, compared);
                }
                return;
            case IEnumerable expectedItems:
                var left = expectedItems.Cast<object?>().ToList();
                var right = ((IEnumerable)actual).Cast<object?>().ToList();
                if (left.Count != right.Count)
                    differences.Add($"{path}: expected {left.Count} items, got {right.Count}");
                for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
                    Compare(left[i], right[i], $"{path}[{i}]", differences, compared);
                return;
        }
        var type = expected.GetType();
        if (IsValue(type))
        {
            if (!Equals(expected, actual))
                differences.Add($"{path}: expected {expected}, got {actual}");
            return;
        }
        var properties = Of(type);
        if (properties.Count == 0)
            throw new NotSupportedException($"{type.Name} at {path} has no data properties: teach DataParts the type.");
        foreach (var property in properties)
        {
            compared.Add($"{type.Name}.{property.Name}");
            Compare(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}", differences, compared);
        }
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(Guid) || type.Namespace == "NodaTime";

    private static Enum NextMember(Enum value)
    {
        var members = Enum.GetValues(value.GetType()).Cast<Enum>().ToList();
        return members[(members.IndexOf(value) + 1) % members.Count];
    }

    private static IList RemoveLast(IList list)
    {
        list.RemoveAt(list.Count - 1);
        return list;
    }

    private static IDictionary RemoveLast(IDictionary dictionary)
    {
        dictionary.Remove(dictionary.Keys.Cast<object>().Last());
        return dictionary;
    }
}
