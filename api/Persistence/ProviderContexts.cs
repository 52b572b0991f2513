using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>The store on SQLite; its migrations are in <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteCrmDbContext(DbContextOptions<CrmDbContext> options) : CrmDbContext(options);

/// <summary>The store on PostgreSQL; its migrations are in <c>Persistence/Migrations/Postgres</c>.</summary>
public sealed class PostgresCrmDbContext(DbContextOptions<CrmDbContext> options) : CrmDbContext(options);
