using NodaTime;

namespace Crm.Engine.Runtime;

public sealed record NextStepRequest(Instant At, string What);
