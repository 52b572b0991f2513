namespace Crm.Engine.Runtime;

public enum DealState
{
    Open,
    Won,
    Lost,
}
