using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Crm.Api.Persistence.Design;

/// <summary>
/// Writes migration operations without <c>type:</c> (the design-time provider's store type, "TEXT" or "INTEGER" on
/// SQLite), and gives every auto-incremented column the identity annotation of each provider, because each one reads
/// only its own. The operations are rewritten before the base class collects their namespaces, so the file gets the
/// <c>using</c> the PostgreSQL annotation needs.
/// </summary>
internal sealed class NeutralMigrationsGenerator(MigrationsCodeGeneratorDependencies dependencies, CSharpMigrationsGeneratorDependencies csharpDependencies)
    : CSharpMigrationsGenerator(dependencies, csharpDependencies)
{
    internal const string SqliteAutoincrement = "Sqlite:Autoincrement";
    internal const string NpgsqlValueGeneration = "Npgsql:ValueGenerationStrategy";

    public override string GenerateMigration(string? migrationNamespace, string migrationName,
        IReadOnlyList<MigrationOperation> upOperations, IReadOnlyList<MigrationOperation> downOperations)
    {
        foreach (var operation in upOperations.Concat(downOperations))
            Neutralize(operation);
        return base.GenerateMigration(migrationNamespace, migrationName, upOperations, downOperations);
    }

    private static void Neutralize(MigrationOperation operation)
    {
        switch (operation)
        {
            case CreateTableOperation table:
                foreach (var column in table.Columns)
                    Neutralize(column);
                break;
            case AlterColumnOperation alter:
                Neutralize((ColumnOperation)alter);
                Neutralize(alter.OldColumn);
                break;
            case ColumnOperation column:
                Neutralize(column);
                break;
        }
    }

    private static void Neutralize(ColumnOperation column)
    {
        column.ColumnType = null;
        var sqliteIdentity = column[SqliteAutoincrement] is true;
        var npgsqlIdentity = column[NpgsqlValueGeneration] is NpgsqlValueGenerationStrategy strategy && strategy != NpgsqlValueGenerationStrategy.None;
        if (sqliteIdentity && !npgsqlIdentity)
            column.AddAnnotation(NpgsqlValueGeneration, NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        if (npgsqlIdentity && !sqliteIdentity)
            column.AddAnnotation(SqliteAutoincrement, true);
    }
}
