using NodaTime;

namespace Crm.Api.Auth;

/// <summary>How long an account stays locked after wrong passwords in a row: from the fifth, one minute, doubling each time, at most an hour.</summary>
public static class SignInLockout
{
    public const int FailuresThatLock = 5;
    public static readonly Duration First = Duration.FromMinutes(1);
    public static readonly Duration Longest = Duration.FromHours(1);

    /// <summary>The lock that <paramref name="failures"/> consecutive failures earn, or null while there are fewer than five.</summary>
    public static Duration? After(int failures)
    {
        if (failures < FailuresThatLock)
            return null;
        var doublings = Math.Min(failures - FailuresThatLock, 16);
        var length = First * (1L << doublings);
        return length < Longest ? length : Longest;
    }
}
