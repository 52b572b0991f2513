using System.Net;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Distributed;

/// <summary>Edits that each node keeps in memory (people, teams, calendars) made on one node reach the other at once.</summary>
public sealed class SharedStateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly object[] Day = [new { from = "09:00", to = "18:00" }];

    [DistributedFact]
    public async Task ARenameAndANewCalendar_OnNodeA_AreSeenOnNodeB_WithoutARestart()
    {
        await using var cluster = Cluster.Create();
        var a = await cluster.StartNodeAsync();
        var b = await cluster.StartNodeAsync();
        var adminOnA = await a.SignInAsync("admin@crm.local");
        var adminOnB = await b.SignInAsync("admin@crm.local");
        (await adminOnB.GetAsync("/api/calendars/lisbon")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await adminOnA.PutJsonAsync("/api/users/boris", new { name = "Boris Renamed" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var lisbon = new
        {
            id = "lisbon", name = "Lisbon office", timeZone = "Europe/Lisbon",
            week = new
            {
                monday = Day, tuesday = Day, wednesday = Day, thursday = Day, friday = Day,
                saturday = Array.Empty<object>(), sunday = Array.Empty<object>(),
            },
        };
        (await adminOnA.PutJsonAsync("/api/calendars/lisbon", lisbon)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await EventuallyAsync(async () =>
            (await (await adminOnB.GetAsync("/api/users")).JsonAsync()).EnumerateArray().Single(u => u.Str("id") == "boris").Str("name") == "Boris Renamed");
        await EventuallyAsync(async () => (await adminOnB.GetAsync("/api/calendars/lisbon")).StatusCode == HttpStatusCode.OK);
        var due = await (await adminOnB.PostJsonAsync("/api/calendars/lisbon/deadline", new { start = "2027-03-05T17:00:00Z", duration = "PT2H" })).JsonAsync();
        due.Str("dueAt").ShouldBe("2027-03-08T10:00:00Z"); // Friday's last hour, then Monday from 09:00 Lisbon (UTC in March)
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            waited.Elapsed.ShouldBeLessThan(Patience, "node B never saw the edit made on node A");
            await Task.Delay(100);
        }
    }
}
