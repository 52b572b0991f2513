namespace Crm.Api.Audit;

public static class AuditActions
{
    public const string Created = "created";
    /// <summary>Created by an import of clients.</summary>
    public const string Imported = "imported";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
}
