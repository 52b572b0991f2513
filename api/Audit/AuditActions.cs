namespace Crm.Api.Audit;

public static class AuditActions
{
    public const string Created = "created";
    /// <summary>Created by an import of clients.</summary>
    public const string Imported = "imported";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
}

public static class AuditEntityTypes
{
    public const string Client = "client";
    public const string Contact = "contact";

    public static bool IsKnown(string? type) => type is Client or Contact;
}
