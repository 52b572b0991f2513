using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.Api.Persistence;

/// <summary>
/// Lists of strings (phones, e-mails, segments) stored as JSON text on every provider. SQLite does this by itself,
/// PostgreSQL would make them text[]: one representation keeps the migrations and the hand-written SQL the same.
/// </summary>
internal sealed class JsonStringListConverter() : ValueConverter<List<string>, string>(
    list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null),
    json => JsonSerializer.Deserialize<List<string>>(json, (JsonSerializerOptions?)null) ?? new List<string>());

internal sealed class JsonStringListComparer() : ValueComparer<List<string>>(
    (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
    list => list.ToList());
