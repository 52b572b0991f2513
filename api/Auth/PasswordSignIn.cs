using Crm.Api.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Auth;

/// <summary>
/// Checks an e-mail and password. Wrong passwords in a row lock the account (<see cref="SignInLockout"/>), counted on the
/// user row so the lock holds on every node and across restarts; while locked even the right password is refused
/// without being checked. A success clears the count and upgrades an old-format hash.
/// </summary>
public sealed class PasswordSignIn(CrmDbContext db, UnknownAccountLockouts unknown, IClock clock)
{
    public async Task<SignInOutcome> SignInAsync(string email, string password, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
        {
            if (unknown.LockedUntil(email, now) is { } until)
                return new SignInOutcome.Locked(until);
            PasswordHasher.CheckAgainstNobody(password);
            unknown.Failed(email, now);
            return new SignInOutcome.Refused();
        }
        if (user.LockedUntil is { } lockedUntil && lockedUntil > now)
            return new SignInOutcome.Locked(lockedUntil);
        var check = PasswordHasher.Check(password, user.PasswordHash);
        // An inactive account counts and answers as a wrong password: the answer must not tell it exists.
        if (check == PasswordVerificationResult.Failed || !user.Active)
        {
            await RecordFailureAsync(user.Id, now, ct);
            return new SignInOutcome.Refused();
        }
        if (check == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = PasswordHasher.Hash(password);
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.PasswordHash, user.PasswordHash)
                .SetProperty(u => u.FailedSignIns, 0)
                .SetProperty(u => u.LockedUntil, (Instant?)null), ct);
        }
        else if (user.FailedSignIns > 0 || user.LockedUntil is not null)
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.FailedSignIns, 0)
                .SetProperty(u => u.LockedUntil, (Instant?)null), ct);
        }
        return new SignInOutcome.SignedIn(user);
    }

    /// <summary>One more wrong password for <paramref name="userId"/>; returns when the account is now locked until, if it is.</summary>
    public async Task<Instant?> RecordFailureAsync(string userId, Instant now, CancellationToken ct)
    {
        // Counted in the database, not from the row read before: parallel guesses each count.
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, u => u.FailedSignIns + 1), ct);
        var failures = await db.Users.Where(u => u.Id == userId).Select(u => u.FailedSignIns).FirstAsync(ct);
        if (SignInLockout.After(failures) is not { } lockFor)
            return null;
        var until = now + lockFor;
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockedUntil, until), ct);
        return until;
    }
}
