namespace Crm.Engine.Runtime;

/// <summary>The activity types the engine knows, by type name. Filled by registration, never by a switch.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, IActivityType> _types;

    public ActivityRegistry(IEnumerable<IActivityType> types)
    {
        _types = new Dictionary<string, IActivityType>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (!_types.TryAdd(type.TypeName, type))
                throw new ArgumentException($"Activity type '{type.TypeName}' is registered twice.", nameof(types));
        }
    }

    public IActivityType? Find(string typeName) => _types.GetValueOrDefault(typeName);

    public IEnumerable<string> TypeNames => _types.Keys;
}
