using System.Data.Common;
using NodaTime;

namespace Crm.Api.Persistence;

/// <summary>Conversions between row values and ADO.NET, matching what EF's model does (instants as Unix ticks).</summary>
internal static class SqlValues
{
    public static object Of(string? value) => value ?? (object)DBNull.Value;
    public static object Of(long? value) => value ?? (object)DBNull.Value;
    public static object Of(int value) => value;
    public static object Of(decimal? value) => value ?? (object)DBNull.Value;
    public static object Of(Instant value) => value.ToUnixTimeTicks();
    public static object Of(Instant? value) => value is { } v ? v.ToUnixTimeTicks() : DBNull.Value;

    public static string? String(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    public static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
    public static decimal? Decimal(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDecimal(i);
    public static Instant Instant(DbDataReader r, int i) => NodaTime.Instant.FromUnixTimeTicks(r.GetInt64(i));
    public static Instant? NullableInstant(DbDataReader r, int i) => r.IsDBNull(i) ? null : NodaTime.Instant.FromUnixTimeTicks(r.GetInt64(i));

    /// <summary>Prepares a statement whose parameters are not bound yet. Only SQLite prepares untyped parameters; on
    /// PostgreSQL, Npgsql prepares a statement by itself once it has run a few times with values (Max Auto Prepare,
    /// see <see cref="DatabaseProvider"/>), which is also when it knows the parameters' types.</summary>
    public static void Prepare(DbCommand command)
    {
        if (command.Connection is Microsoft.Data.Sqlite.SqliteConnection)
            command.Prepare();
    }

    public static DbParameter AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
