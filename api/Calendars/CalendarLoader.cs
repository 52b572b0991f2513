using System.Text.Json;
using Crm.Api.Persistence;
using Crm.Engine.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Calendars;

/// <summary>Compiles the stored calendars into the registry the engine reads.</summary>
public sealed class CalendarLoader(IDbContextFactory<CrmDbContext> contexts, CalendarRegistry registry, ILogger<CalendarLoader> logger)
{
    public async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var record in await db.Calendars.AsNoTracking().ToListAsync(cancellationToken))
        {
            var definition = JsonSerializer.Deserialize<CalendarDefinition>(record.Json, CalendarJson.Options);
            var compiled = definition is null ? null : CalendarCompiler.Compile(definition);
            if (compiled?.Calendar is { } calendar)
                registry.Set(calendar);
            else
                logger.LogError("Stored calendar {CalendarId} does not compile and is left out.", record.Id);
        }
    }
}
