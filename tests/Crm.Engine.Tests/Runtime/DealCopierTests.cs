using System.Collections;
using Crm.Engine.Clocks;
using Crm.Engine.Runtime;
using Crm.Testing;

namespace Crm.Engine.Tests.Runtime;

/// <summary>
/// A refused command must leave the deal as it was, so the copier copies every property, deeply. The properties are
/// found by reflection, one case each: a property added to the deal or its clocks fails here until the copier copies it.
/// </summary>
public sealed class DealCopierTests
{
    public static TheoryData<string> DealProperties() => [.. DataParts.Of(typeof(DealInstance)).Select(p => p.Name)];

    public static TheoryData<string> ClockProperties() => [.. DataParts.Of(typeof(RegulationClock)).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(DealProperties))]
    public void Copy_DealProperty_IsCopiedAndNotShared(string name)
    {
        var original = FullDeal.Create();
        var property = typeof(DealInstance).GetProperty(name)!;

        var copy = DealCopier.Copy(original);

        DataParts.Differences(property.GetValue(FullDeal.Create()), property.GetValue(copy), name).ShouldBeEmpty();
        ShouldNotShare(property.GetValue(original), property.GetValue(copy), name);
    }

    [Theory]
    [MemberData(nameof(ClockProperties))]
    public void Copy_ClockProperty_IsCopiedAndNotShared(string name)
    {
        var original = FullDeal.Create();
        var property = typeof(RegulationClock).GetProperty(name)!;

        var copy = DealCopier.Copy(original);

        copy.Clocks.Count.ShouldBe(original.Clocks.Count);
        for (var i = 0; i < copy.Clocks.Count; i++)
        {
            DataParts.Differences(property.GetValue(FullDeal.Create().Clocks[i]), property.GetValue(copy.Clocks[i]), $"Clocks[{i}].{name}").ShouldBeEmpty();
            ShouldNotShare(property.GetValue(original.Clocks[i]), property.GetValue(copy.Clocks[i]), $"Clocks[{i}].{name}");
        }
    }

    [Fact]
    public void Copy_ChangingTheCopy_LeavesTheOriginalAsItWas()
    {
        var original = FullDeal.Create();
        var copy = DealCopier.Copy(original);

        foreach (var property in DataParts.Of(typeof(DealInstance)))
            Change(copy, property);
        foreach (var clock in copy.Clocks)
        {
            foreach (var property in DataParts.Of(typeof(RegulationClock)))
                Change(clock, property);
        }

        DataParts.Differences(FullDeal.Create(), original, "deal").ShouldBeEmpty();
    }

    /// <summary>A list or dictionary the engine changes in place, or an object with setters, must be the copy's own.</summary>
    private static void ShouldNotShare(object? original, object? copy, string path)
    {
        if (original is null || copy is null || original is string || original.GetType().IsValueType)
            return;
        var mutable = original is IList { IsReadOnly: false } or IDictionary { IsReadOnly: false }
            || (original is not IEnumerable && DataParts.Of(original.GetType()).Any(p => !DataParts.IsInitOnly(p)));
        if (mutable)
            ReferenceEquals(original, copy).ShouldBeFalse($"{path} is shared between the deal and its copy");
        if (original is IEnumerable items and not IDictionary)
        {
            var copies = ((IEnumerable)copy).Cast<object?>().ToList();
            var index = 0;
            foreach (var item in items)
            {
                if (index < copies.Count)
                    ShouldNotShare(item, copies[index], $"{path}[{index}]");
                index++;
            }
        }
    }

    private static void Change(object target, System.Reflection.PropertyInfo property)
    {
        if (property.GetValue(target) is not { } value || property.PropertyType == typeof(List<RegulationClock>))
            return;
        if (DataParts.IsMutableCollection(property.PropertyType))
            DataParts.Changed(value);
        else if (!DataParts.IsInitOnly(property) && IsChangeable(value))
            property.SetValue(target, DataParts.Changed(value));
    }

    private static bool IsChangeable(object value) =>
        value is string or int or long or decimal or bool or NodaTime.Instant or NodaTime.Duration or System.Enum;
}
