namespace Crm.Api.Audit;

/// <summary>The channels a change comes through, besides a direct edit.</summary>
public static class AuditVia
{
    public const string Import = "import";
    public const string Deal = "deal";
}
