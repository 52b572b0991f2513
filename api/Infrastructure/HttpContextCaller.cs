using Crm.Api.Auth;

namespace Crm.Api.Infrastructure;

public static class HttpContextCaller
{
    public static Caller Caller(this HttpContext context) => Auth.Caller.From(context.User);

    /// <summary>The version an <c>If-Match: "7"</c> header asks for; null when absent. False when present but unreadable.</summary>
    public static bool TryIfMatch(this HttpRequest request, out int? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header == "*")
            return true;
        var text = header.Trim().TrimStart('W', '/').Trim('"');
        if (!int.TryParse(text, out var parsed))
            return false;
        version = parsed;
        return true;
    }
}
