using System.Net;
using Crm.Api.Auth;
using Crm.Api.Tests.Infrastructure;
using NodaTime;

namespace Crm.Api.Tests.Accounts;

/// <summary>Guessing passwords: a per-address limit on sign-in, a per-account lockout that grows, unknown e-mails indistinguishable.</summary>
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Fact]
    public async Task WrongPassword20Times_LocksTheAccount_EvenTheRightPasswordFails_UntilTheClockPassesTheLock()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
            answers.Add((await _host.SignInRawAsync("anna@crm.local", $"guess-number-{i}")).StatusCode);

        answers.Take(5).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        answers.Skip(5).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        var locked = await _host.SignInRawAsync("anna@crm.local", "demo");
        locked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        locked.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromMinutes(1));
        var problem = await locked.JsonAsync();
        problem.Str("code").ShouldBe("locked");
        problem.Str("lockedUntil").ShouldBe((_host.Clock.GetCurrentInstant() + Duration.FromMinutes(1)).ToString());

        _host.Clock.Advance(Duration.FromSeconds(59));
        (await _host.SignInRawAsync("anna@crm.local", "demo")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        _host.Clock.Advance(Duration.FromSeconds(2));
        (await _host.SignInRawAsync("anna@crm.local", "demo")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var row = await _host.UserRowAsync("anna");
        row.FailedSignIns.ShouldBe(0);
        row.LockedUntil.ShouldBeNull();
        for (var i = 0; i < 4; i++)
            (await _host.SignInRawAsync("anna@crm.local", "still-wrong")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.SignInRawAsync("anna@crm.local", "demo")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Lockout_DoublesWithEachFailureAfterALock_AndHoldsAcrossARestart()
    {
        for (var i = 0; i < 5; i++)
            await _host.SignInRawAsync("boris@crm.local", "wrong-password");
        _host.Clock.Advance(Duration.FromMinutes(1));

        (await _host.SignInRawAsync("boris@crm.local", "wrong-again")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var second = await _host.SignInRawAsync("boris@crm.local", "demo");
        second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        second.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromMinutes(2));

        // The lock lives on the user row: a restarted host (or another node) keeps it.
        var clock = _host.Clock;
        await _host.DisposeAsync();
        _host = await CrmTestHost.StartAsync(_host.DataDirectory, clock);
        (await _host.SignInRawAsync("boris@crm.local", "demo")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        _host.Clock.Advance(Duration.FromMinutes(2));
        (await _host.SignInRawAsync("boris@crm.local", "demo")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(7, 4)]
    [InlineData(10, 32)]
    [InlineData(11, 60)]
    [InlineData(500, 60)]
    public void Lockout_AfterFailures_LastsMinutes(int failures, int? minutes) =>
        SignInLockout.After(failures).ShouldBe(minutes is { } m ? Duration.FromMinutes(m) : null);

    [Fact]
    public async Task UnknownEmail_AnswersExactlyAsAWrongPassword_AndLocksTheSameWay()
    {
        for (var i = 0; i < 7; i++)
        {
            var wrong = await _host.SignInRawAsync("anna@crm.local", "not-the-password");
            var unknown = await _host.SignInRawAsync("nobody@crm.local", "not-the-password");

            unknown.StatusCode.ShouldBe(wrong.StatusCode, $"attempt {i + 1}");
            (await Accounts.ProblemWithoutTraceAsync(unknown)).ShouldBe(await Accounts.ProblemWithoutTraceAsync(wrong), $"attempt {i + 1}");
            unknown.Headers.RetryAfter?.ToString().ShouldBe(wrong.Headers.RetryAfter?.ToString());
            unknown.Content.Headers.ContentType!.ToString().ShouldBe(wrong.Content.Headers.ContentType!.ToString());
        }
    }

    [Fact]
    public async Task InactiveAccount_WithTheRightPassword_AnswersAsAWrongPassword()
    {
        await _host.EditUserAsync("boris", new { active = false });

        var inactive = await _host.SignInRawAsync("boris@crm.local", "demo");
        var wrong = await _host.SignInRawAsync("anna@crm.local", "not-the-password");

        inactive.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Accounts.ProblemWithoutTraceAsync(inactive)).ShouldBe(await Accounts.ProblemWithoutTraceAsync(wrong));
    }

    [Fact]
    public async Task SignIn_BeyondThePerAddressLimit_Is429WithRetryAfter()
    {
        await using var limited = await CrmTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Crm:SignIn:PermitsPerMinute"] = "3" });
        try
        {
            for (var i = 0; i < 3; i++)
                (await limited.SignInRawAsync($"someone{i}@crm.local", "whatever-it-is")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

            var refused = await limited.SignInRawAsync("anna@crm.local", "demo");

            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
            refused.Headers.RetryAfter.Delta.Value.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        }
        finally
        {
            limited.DeleteData();
        }
    }
}
