namespace Crm.Testing;

internal static class Placeholder;
