namespace Crm.Engine.Runtime;

public enum DealState
{
    Open,
    Won,
    Lost,
    /// <summary>Closed as a duplicate of another deal, whose journal now includes this one's: neither won nor lost.</summary>
    Duplicate,
}
