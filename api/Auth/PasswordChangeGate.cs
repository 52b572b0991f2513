using Crm.Api.Directory;
using Crm.Api.Infrastructure;

namespace Crm.Api.Auth;

/// <summary>
/// A user who must change their password (after an admin's reset, or the first admin) may choose one and read
/// <c>/api/me</c>; every other signed-in request is 403 <c>password-change-required</c>.
/// </summary>
public static class PasswordChangeGate
{
    public const string Code = "password-change-required";

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app)
    {
        var directory = app.ApplicationServices.GetRequiredService<UserDirectory>();
        return app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && !Allowed(context.Request)
                && directory.Find(context.User.FindFirst("sub")?.Value) is { MustChangePassword: true })
            {
                await Problems.Forbidden("Choose a new password first (PUT /api/me/password).", Code).ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }

    private static bool Allowed(HttpRequest request) =>
        (HttpMethods.IsPut(request.Method) && request.Path.Equals(PasswordEndpoints.ChangePath, StringComparison.OrdinalIgnoreCase))
        || (HttpMethods.IsGet(request.Method) && request.Path.Equals("/api/me", StringComparison.OrdinalIgnoreCase))
        || request.Path.Equals("/api/auth/token", StringComparison.OrdinalIgnoreCase);
}
