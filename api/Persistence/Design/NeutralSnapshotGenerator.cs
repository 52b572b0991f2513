using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;

namespace Crm.Api.Persistence.Design;

/// <summary>
/// Writes the model snapshot and each migration's target model without <c>.HasColumnType(...)</c>. A provider applying a
/// migration asks the target model for a column's store type before it falls back to the CLR type, so a "TEXT" left
/// there would reach PostgreSQL. The base class writes the design-time provider's store type for every property and
/// offers no hook to leave it out, so its output is filtered: each such call is one line of a chain, and removing it
/// leaves the chain (and its closing semicolon) intact.
/// </summary>
internal sealed partial class NeutralSnapshotGenerator(CSharpSnapshotGeneratorDependencies dependencies)
    : CSharpSnapshotGenerator(dependencies)
{
    public override void Generate(string modelBuilderName, IModel model, IndentedStringBuilder stringBuilder)
    {
        var own = new IndentedStringBuilder();
        base.Generate(modelBuilderName, model, own);
        stringBuilder.AppendLines(ColumnType().Replace(own.ToString(), ""), skipFinalNewline: false);
    }

    [GeneratedRegex("""\r?\n[ \t]*\.HasColumnType\("[^"]*"\)""")]
    private static partial Regex ColumnType();
}
