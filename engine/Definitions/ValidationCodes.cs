namespace Crm.Engine.Definitions;

/// <summary>The stable codes of definition problems; clients may switch on them.</summary>
public static class ValidationCodes
{
    public const string UnknownType = "unknown-type";
    public const string DuplicateId = "duplicate-id";
    public const string MissingId = "missing-id";
    public const string MissingStart = "missing-start";
    public const string ConnectionToNowhere = "connection-to-nowhere";
    public const string ConnectionFromNowhere = "connection-from-nowhere";
    public const string UnknownOutcome = "unknown-outcome";
    public const string DuplicateConnection = "duplicate-connection";
    public const string UnconnectedOutcome = "unconnected-outcome";
    public const string Unreachable = "unreachable";
    public const string NoPathToEnd = "no-path-to-end";
    public const string BadDuration = "bad-duration";
    public const string BadCondition = "bad-condition";
    public const string UnknownStage = "unknown-stage";
    public const string UnknownCalendar = "unknown-calendar";
    public const string BadSetting = "bad-setting";
    public const string NoOutcomes = "no-outcomes";
    public const string DecisionLoop = "decision-loop";
}
