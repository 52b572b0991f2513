namespace Crm.Api;

public static class Roles
{
    public const string Admin = "admin";
    public const string Head = "head";
    public const string Manager = "manager";

    public static bool IsKnown(string? role) => role is Admin or Head or Manager;
}
