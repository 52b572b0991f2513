using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crm.Api.Persistence.Design;

/// <summary>
/// Makes <c>dotnet ef migrations add</c> write migrations that both SQLite and PostgreSQL apply: no store types in the
/// operations or in the target models, so each provider maps every column from its CLR type when it applies them, and
/// identity columns carry both providers' annotations. Found by the EF tools in this (the startup) assembly, so every
/// future migration is neutral without anyone editing it.
/// </summary>
public sealed class ProviderNeutralDesignTimeServices : IDesignTimeServices
{
    public void ConfigureDesignTimeServices(IServiceCollection serviceCollection)
    {
        serviceCollection.Replace(ServiceDescriptor.Singleton<IMigrationsCodeGenerator, NeutralMigrationsGenerator>());
        serviceCollection.AddSingleton<ICSharpSnapshotGenerator, NeutralSnapshotGenerator>();
    }
}
