namespace Crm.Api.Tests.Distributed;

/// <summary>
/// A test of several nodes on PostgreSQL and Redis. It runs when <c>CRM_TEST_DISTRIBUTED=1</c> (./test.sh sets it for its
/// PostgreSQL pass, and always in CI); then a missing server fails it with a message saying what to set, rather than
/// skipping it. Without the variable — a plain <c>dotnet test</c> on a machine with neither server — it is skipped.
/// </summary>
public sealed class DistributedFactAttribute : FactAttribute
{
    public DistributedFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CRM_TEST_DISTRIBUTED") != "1")
            Skip = "Distributed: set CRM_TEST_DISTRIBUTED=1 with CRM_TEST_DATABASE=postgres, CRM_TEST_POSTGRES and CRM_TEST_REDIS (./test.sh does when they are reachable).";
    }
}
