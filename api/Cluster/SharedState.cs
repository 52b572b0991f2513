using Crm.Api.Calendars;
using Crm.Api.Directory;

namespace Crm.Api.Cluster;

/// <summary>
/// What each node keeps in memory from the database and an edit on one node must refresh on all: the user directory
/// (people, teams, who leads whom) and the calendars. An edit reloads here and tells the other nodes to reload theirs
/// (<see cref="IClusterBus"/>); on one node the bus does nothing.
/// </summary>
public sealed class SharedState(UserDirectory directory, CalendarLoader calendars, IClusterBus bus)
{
    public const string Directory = "directory";
    public const string Calendars = "calendars";

    /// <summary>People or teams changed in the database: reload here, then everywhere.</summary>
    public async Task DirectoryChangedAsync(CancellationToken ct)
    {
        await directory.ReloadAsync(ct);
        await bus.PublishAsync(Directory);
    }

    /// <summary>A calendar changed in the database (and in this node's registry): the other nodes reload theirs.</summary>
    public Task CalendarsChangedAsync() => bus.PublishAsync(Calendars);

    /// <summary>Another node said <paramref name="what"/> changed.</summary>
    public Task ReloadAsync(string what, CancellationToken ct) => what switch
    {
        Directory => directory.ReloadAsync(ct),
        Calendars => calendars.LoadAllAsync(ct),
        _ => Task.CompletedTask,
    };
}
