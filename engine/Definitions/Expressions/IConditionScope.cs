namespace Crm.Engine.Definitions.Expressions;

/// <summary>
/// What a condition reads its fields from. Paths come without the <c>deal.</c> prefix: <c>amount</c>,
/// <c>createdAt</c>, <c>fields.region</c>. A path the scope does not know reads as null.
/// </summary>
public interface IConditionScope
{
    ConditionValue Get(string path);
}
