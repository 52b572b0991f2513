namespace Crm.Api.Audit;

public static class AuditEntityTypes
{
    public const string Client = "client";
    public const string Contact = "contact";

    public static bool IsKnown(string? type) => type is Client or Contact;
}
