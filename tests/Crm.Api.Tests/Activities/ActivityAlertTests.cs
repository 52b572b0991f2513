using System.Net;
using System.Net.Http.Json;
using Crm.Api.Scheduling;
using Crm.Api.Tests.Alerts;
using Crm.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Crm.Api.Tests.Activities.ActivitiesApi;

namespace Crm.Api.Tests.Activities;

public sealed class ActivityAlertTests
{
    private static async Task<string> TokenAsync(CrmTestHost host, string email)
    {
        var response = await host.Anonymous().PostAsJsonAsync("/api/auth/token", new { email, password = "demo" });
        return (await response.JsonAsync()).Str("accessToken");
    }

    private static Task PassAsync(CrmTestHost host, Duration by)
    {
        host.Clock.Advance(by);
        return host.Services.GetRequiredService<DeadlineScheduler>().RunDueAsync();
    }

    [Fact]
    public async Task ReminderAndOverdue_ReachTheAssigneeLiveOnceEach_DatedAtTheirTimes()
    {
        await using var host = await CrmTestHost.StartAsync();
        try
        {
            var anna = await host.SignInAsync("anna@crm.local");
            var dealId = await OpenDealAsync(anna);
            var due = host.Clock.GetCurrentInstant() + Duration.FromHours(1);
            var activity = await PlanAsync(anna, dealId, new { kind = "call", subject = "Call Irina", dueAt = due, remindBefore = "PT15M" });
            await using var live = await AlertListener.ConnectAsync(host, await TokenAsync(host, "anna@crm.local"));
            await using var boris = await AlertListener.ConnectAsync(host, await TokenAsync(host, "boris@crm.local"));

            await PassAsync(host, Duration.FromMinutes(44));
            live.TryTake(out _).ShouldBeFalse();
            await PassAsync(host, Duration.FromMinutes(1));
            var reminder = await live.NextAsync();
            await PassAsync(host, Duration.FromMinutes(15));
            await PassAsync(host, Duration.FromMinutes(30));
            var overdue = await live.NextAsync();

            reminder.Str("kind").ShouldBe("activityReminder");
            reminder.Str("activityId").ShouldBe(activity.Str("id"));
            reminder.Str("message").ShouldBe("Call Irina");
            reminder.Str("dealId").ShouldBe(dealId);
            reminder.Str("dealTitle").ShouldBe("Office furniture");
            reminder.Str("dueAt").ShouldBe(Text(due - Duration.FromMinutes(15)));
            overdue.Str("kind").ShouldBe("activityOverdue");
            overdue.Str("dueAt").ShouldBe(Text(due));
            var stored = await AlertsAsync(anna);
            stored.Count(a => a.Str("kind") == "activityReminder").ShouldBe(1);
            stored.Count(a => a.Str("kind") == "activityOverdue").ShouldBe(1);
            stored.ShouldNotContain(a => a.Str("kind") == "nextStepOverdue");
            boris.TryTake(out _).ShouldBeFalse();
        }
        finally
        {
            host.DeleteData();
        }
    }

    [Fact]
    public async Task Reschedule_MovesTheOverdueAlert_AndCompletingDisarmsIt()
    {
        await using var host = await CrmTestHost.StartAsync();
        try
        {
            var anna = await host.SignInAsync("anna@crm.local");
            var dealId = await OpenDealAsync(anna);
            var start = host.Clock.GetCurrentInstant();
            var moved = await PlanAsync(anna, dealId, new { kind = "call", subject = "Moved", dueAt = start + Duration.FromHours(1) });
            var kept = await PlanAsync(anna, dealId, new { kind = "call", subject = "Kept", dueAt = start + Duration.FromHours(1) });
            var later = start + Duration.FromHours(3);
            (await anna.PatchJsonAsync($"/api/activities/{moved.Str("id")}", new { dueAt = later })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await anna.PostJsonAsync($"/api/activities/{kept.Str("id")}/complete", new { result = "no-answer" })).StatusCode.ShouldBe(HttpStatusCode.OK);

            await PassAsync(host, Duration.FromHours(2));
            (await AlertsAsync(anna)).ShouldNotContain(a => a.Str("dealId") == dealId && a.Str("kind").StartsWith("activity"));
            await PassAsync(host, Duration.FromHours(1));

            var alert = (await AlertsAsync(anna)).Where(a => a.Str("dealId") == dealId && a.Str("kind").StartsWith("activity")).ShouldHaveSingleItem();
            alert.Str("activityId").ShouldBe(moved.Str("id"));
            alert.Str("dueAt").ShouldBe(Text(later));
        }
        finally
        {
            host.DeleteData();
        }
    }

    [Fact]
    public async Task Restart_ActivitiesDueWhileTheHostWasDown_AlertOnceDatedAtTheirDueTime_AndAreReplayedToTheBrowser()
    {
        var first = await CrmTestHost.StartAsync();
        var ids = new List<string>();
        var due = first.Clock.GetCurrentInstant() + Duration.FromHours(1);
        string remindOnly;
        try
        {
            var anna = await first.SignInAsync("anna@crm.local");
            var dealId = await OpenDealAsync(anna);
            for (var i = 0; i < 3; i++)
                ids.Add((await PlanAsync(anna, dealId, new { kind = "call", subject = $"Call {i}", dueAt = due, remindBefore = "PT30M" })).Str("id"));
            // Its reminder falls while the host is down, its due time after the restart.
            remindOnly = (await PlanAsync(anna, dealId, new { kind = "task", subject = "Later", dueAt = due + Duration.FromHours(5), remindBefore = "PT5H" })).Str("id");
        }
        finally
        {
            await first.DisposeAsync();
        }

        first.Clock.AdvanceHours(2);
        await using (var second = await CrmTestHost.StartAsync(first.DataDirectory, first.Clock))
        {
            var scheduler = second.Services.GetRequiredService<DeadlineScheduler>();
            await Task.WhenAll(scheduler.RunDueAsync(), scheduler.RunDueAsync());
            await scheduler.RunDueAsync();

            var anna = await second.SignInAsync("anna@crm.local");
            var alerts = await AlertsAsync(anna);
            foreach (var id in ids)
            {
                var alert = alerts.Where(a => a.Str("activityId") == id).ShouldHaveSingleItem();
                alert.Str("kind").ShouldBe("activityOverdue");
                alert.Str("dueAt").ShouldBe(Text(due));
            }
            alerts.Where(a => a.Str("activityId") == remindOnly).Select(a => a.Str("kind")).ShouldBe(["activityReminder"]);
            await using var browser = await AlertListener.ConnectAsync(second, await TokenAsync(second, "anna@crm.local"));
            var replayed = new List<string>();
            for (var i = 0; i < 4; i++)
                replayed.Add((await browser.NextAsync()).Str("activityId"));
            replayed.ShouldBe([.. ids, remindOnly], ignoreOrder: true);
        }

        await using var third = await CrmTestHost.StartAsync(first.DataDirectory, first.Clock);
        try
        {
            await third.Services.GetRequiredService<DeadlineScheduler>().RunDueAsync();
            var anna = await third.SignInAsync("anna@crm.local");
            (await AlertsAsync(anna)).Count.ShouldBe(4);
        }
        finally
        {
            third.DeleteData();
        }
    }

    [Fact]
    public async Task Scheduler_RunningOnItsOwn_FiresAnActivityDueSoonWithoutBeingAsked()
    {
        await using var host = await CrmTestHost.StartAsync(clock: null, runScheduler: true);
        try
        {
            var anna = await host.SignInAsync("anna@crm.local");
            await using var live = await AlertListener.ConnectAsync(host, await TokenAsync(host, "anna@crm.local"));
            var dealId = await OpenDealAsync(anna);
            var due = host.Clock.GetCurrentInstant() + Duration.FromMinutes(5);
            var activity = await PlanAsync(anna, dealId, new { kind = "call", subject = "Call", dueAt = due });

            host.Clock.AdvanceMinutes(5);
            host.Services.GetRequiredService<DeadlineScheduler>().ClockMoved();

            var alert = await live.NextAsync();
            alert.Str("activityId").ShouldBe(activity.Str("id"));
            alert.Str("kind").ShouldBe("activityOverdue");
        }
        finally
        {
            host.DeleteData();
        }
    }
}
