using Crm.Api.Infrastructure;

namespace Crm.Api.Audit;

public static class ActingPartyMiddleware
{
    /// <summary>A signed-in request acts as its user in the audit trail; after authentication, so the user is known.</summary>
    public static IApplicationBuilder UseActingParty(this IApplicationBuilder app)
    {
        var acting = app.ApplicationServices.GetRequiredService<ActingParty>();
        return app.Use(async (http, next) =>
        {
            if (http.User.Identity?.IsAuthenticated != true)
            {
                await next(http);
                return;
            }
            using (acting.Act(new AuditActor(http.Caller().Id)))
                await next(http);
        });
    }
}
