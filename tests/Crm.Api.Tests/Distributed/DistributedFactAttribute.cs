namespace Crm.Api.Tests.Distributed;

/// <summary>
/// A test of several nodes on PostgreSQL and Redis. Without both servers configured it fails and says what to set
/// (it never skips); <c>./test.sh</c> runs these tests in its PostgreSQL pass, which CI always has.
/// </summary>
public sealed class DistributedFactAttribute : FactAttribute;
