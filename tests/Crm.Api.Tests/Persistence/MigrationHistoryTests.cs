using System.Text.RegularExpressions;
using Crm.Api.Persistence;

namespace Crm.Api.Tests.Persistence;

/// <summary>
/// Migrations are history: an old migration must run what it ran the day it was written, so it may use EF Core, the BCL
/// and the providers' annotations, never the product's code, whose later edits would silently change it. Checked on the
/// sources, because a product constant (the way SQL used to leak in) leaves no trace in the compiled IL.
/// </summary>
public sealed partial class MigrationHistoryTests
{
    private static readonly string[] AllowedNamespaces = ["System", "Microsoft.EntityFrameworkCore", "Npgsql.EntityFrameworkCore"];

    [Fact]
    public void Migrations_UseOnlyEfCoreAndTheBcl()
    {
        var files = System.IO.Directory.GetFiles(Path.Combine(RepoRoot(), "api", "Persistence", "Migrations"), "*.cs", SearchOption.AllDirectories);
        files.Length.ShouldBeGreaterThan(20);

        var offenders = files.SelectMany(f => Offences(File.ReadAllText(f)).Select(o => $"{Path.GetFileName(f)}: {o}")).ToList();

        offenders.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("migrationBuilder.Sql(ClockTallySql.RebuildCounts);", "ClockTallySql")]
    [InlineData("migrationBuilder.Sql(global::Crm.Api.Persistence.ClockTallySql.RebuildCounts);", "Crm")]
    [InlineData("var sizes = TallyBlocks.Sizes;", "TallyBlocks")]
    public void Offences_OfAMigrationCallingProductCode_AreFound(string line, string named)
    {
        // The check must be able to fail: the ways product code could get into a migration are caught.
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;
            namespace Crm.Api.Persistence.Migrations
            {
                public partial class Leaky : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder) { {{line}} }
                }
            }
            """;

        Offences(source).ShouldContain(o => o.Contains(named));
        Offences("using Crm.Engine.Compliance;").ShouldNotBeEmpty();
        Offences("using static Crm.Api.Persistence.ClockTallySql;").ShouldNotBeEmpty();
    }

    private static IEnumerable<string> Offences(string source)
    {
        var code = StringsAndComments().Replace(source, " ");
        foreach (Match directive in Using().Matches(code))
        {
            var ns = directive.Groups["ns"].Value;
            // The context's namespace is there for the attribute below; what else it could bring in is caught by name.
            if (ns != typeof(CrmDbContext).Namespace && !AllowedNamespaces.Any(a => ns == a || ns.StartsWith(a + ".", StringComparison.Ordinal)))
                yield return $"using {ns}";
        }
        // EF binds a migration to its provider's context by this attribute: the one product name a migration carries.
        code = Using().Replace(code, " ").Replace("[DbContext(typeof(SqliteCrmDbContext))]", " ").Replace("[DbContext(typeof(PostgresCrmDbContext))]", " ");
        code = Namespace().Replace(code, " ");
        foreach (Match identifier in Identifier().Matches(code))
        {
            var name = identifier.Value;
            if (name == "Crm" || ProductTypeNames.Contains(name))
                yield return name;
        }
    }

    /// <summary>Names of the product's own types (the migrations' excepted); a migration naming one calls product code.</summary>
    private static readonly HashSet<string> ProductTypeNames = new[] { typeof(CrmDbContext).Assembly, typeof(Engine.Runtime.DealEngine).Assembly }
        .SelectMany(a => a.GetTypes())
        .Where(t => t.Namespace is { } ns && ns.StartsWith("Crm.", StringComparison.Ordinal) && !ns.StartsWith("Crm.Api.Persistence.Migrations", StringComparison.Ordinal)
            && !t.Name.StartsWith('<'))
        .Select(t => t.Name.Split('`')[0])
        .ToHashSet(StringComparer.Ordinal);

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Crm.sln not found above the test's directory.");
    }

    // Raw strings first, then verbatim and regular strings, characters, then comments.
    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|@\"(?:[^\"]|\"\")*\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*'|//[^\\n]*|/\\*[\\s\\S]*?\\*/")]
    private static partial Regex StringsAndComments();

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<ns>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Using();

    [GeneratedRegex(@"namespace\s+[\w.]+")]
    private static partial Regex Namespace();

    // An identifier that is not a member access (after '.') nor a member declared in an anonymous type (before a lone '=').
    [GeneratedRegex(@"(?<![\w.])[A-Za-z_]\w*\b(?!\s*=(?!=))")]
    private static partial Regex Identifier();
}
