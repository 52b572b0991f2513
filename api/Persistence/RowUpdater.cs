using System.Data.Common;

namespace Crm.Api.Persistence;

/// <summary>
/// Updates rows by "Id", setting only the columns that differ from the row as it was loaded: SQLite rewrites the
/// entry of every index whose column appears in SET, changed or not, so a full-row UPDATE of a deal would touch
/// all six of its indexes on every move. One prepared statement per distinct set of changed columns, re-bound per
/// row. With a version column the WHERE also checks the row still has the version it was loaded with.
/// </summary>
internal sealed class RowUpdater<T>(DbConnection connection, DbTransaction transaction, TableShape<T> shape, string? versionColumn = null) : IDisposable
{
    private readonly Dictionary<ulong, Statement> _statements = [];
    private readonly int _key = IndexOf(shape, "Id");
    private readonly ulong _all = shape.Columns.Count == 64 ? ulong.MaxValue : (1UL << shape.Columns.Count) - 1;

    /// <summary>Writes <paramref name="row"/> over the stored one (only what differs from <paramref name="loaded"/>, or
    /// every column when it is null); returns the number of rows changed, 0 when the row or its version is gone.</summary>
    public Task<int> UpdateAsync(T row, T? loaded, int? expectedVersion, CancellationToken cancellationToken)
    {
        var changed = loaded is null ? _all : Changed(loaded, row);
        changed &= ~(1UL << _key);
        if (changed == 0 && versionColumn is null)
            return Task.FromResult(1);
        if (!_statements.TryGetValue(changed, out var statement))
            _statements[changed] = statement = Prepare(changed);
        return statement.ExecuteAsync(row, expectedVersion, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
            statement.Command.Dispose();
    }

    private ulong Changed(T before, T after)
    {
        var changed = 0UL;
        for (var i = 0; i < shape.Columns.Count; i++)
        {
            var value = shape.Columns[i].Value;
            if (!Equals(value(before), value(after)))
                changed |= 1UL << i;
        }
        return changed;
    }

    private Statement Prepare(ulong changed)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var bound = new List<(int Column, DbParameter Parameter)>();
        var assignments = new List<string>();
        for (var i = 0; i < shape.Columns.Count; i++)
        {
            if ((changed & (1UL << i)) == 0 && i != _key)
                continue;
            var parameter = SqlValues.AddParameter(command, $"@p{i}");
            bound.Add((i, parameter));
            if (i != _key)
                assignments.Add($"{TableShape<T>.Quote(shape.Columns[i].Name)} = @p{i}");
        }
        var where = $"\"Id\" = @p{_key}";
        DbParameter? expected = null;
        if (versionColumn is not null)
        {
            expected = SqlValues.AddParameter(command, "@expected");
            where += $" AND {TableShape<T>.Quote(versionColumn)} = @expected";
        }
        command.CommandText = $"UPDATE {shape.Table} SET {string.Join(", ", assignments)} WHERE {where}";
        SqlValues.Prepare(command);
        return new Statement(command, [.. bound], expected, shape);
    }

    private static int IndexOf(TableShape<T> shape, string column)
    {
        for (var i = 0; i < shape.Columns.Count; i++)
        {
            if (shape.Columns[i].Name == column)
                return i;
        }
        throw new ArgumentException($"{shape.Table} has no \"{column}\" column.", nameof(shape));
    }

    private sealed record Statement(DbCommand Command, (int Column, DbParameter Parameter)[] Bound, DbParameter? Expected, TableShape<T> Shape)
    {
        public Task<int> ExecuteAsync(T row, int? expectedVersion, CancellationToken cancellationToken)
        {
            foreach (var (column, parameter) in Bound)
                parameter.Value = Shape.Columns[column].Value(row);
            if (Expected is not null)
                Expected.Value = expectedVersion ?? throw new ArgumentNullException(nameof(expectedVersion));
            return Command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
