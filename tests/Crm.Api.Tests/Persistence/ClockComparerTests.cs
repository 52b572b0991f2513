using Crm.Api.Persistence;
using Crm.Engine.Clocks;
using Crm.Testing;

namespace Crm.Api.Tests.Persistence;

/// <summary>
/// The store skips writing a clock the comparer calls unchanged, so a change it misses is lost. Every property that
/// can change after a clock starts (a setter, or a list that changes in place) is found by reflection, one case each.
/// </summary>
public sealed class ClockComparerTests
{
    public static TheoryData<string> ChangeableProperties() =>
        [.. DataParts.Of(typeof(RegulationClock)).Where(CanChange).Select(p => p.Name)];

    [Fact]
    public void Unchanged_TwoEqualClocks_True()
    {
        ClockComparer.Unchanged(Sample(), Sample()).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(ChangeableProperties))]
    public void Unchanged_OnePropertyChanged_False(string name)
    {
        var before = Sample();
        var after = Sample();
        var property = typeof(RegulationClock).GetProperty(name)!;
        var changed = DataParts.Changed(property.GetValue(after)!);
        if (!DataParts.IsInitOnly(property))
            property.SetValue(after, changed);

        ClockComparer.Unchanged(before, after).ShouldBeFalse($"a change of {name} is not seen, so the store would not write it");
    }

    [Fact]
    public void Unchanged_PropertiesItSkips_CannotChangeAfterTheClockStarts()
    {
        // The comparer leaves out what is fixed at start: init-only values, which no code can change on a started clock.
        var fixedAtStart = DataParts.Of(typeof(RegulationClock)).Where(p => !CanChange(p)).ToList();

        fixedAtStart.ShouldAllBe(p => DataParts.IsInitOnly(p) && !DataParts.IsMutableCollection(p.PropertyType));
        fixedAtStart.Select(p => p.Name).ShouldBe(["Id", "RegulationId", "WorkflowId", "Name", "StageId", "StartedAt", "Limit", "WarnBefore", "Escalations"], ignoreOrder: true);
    }

    private static bool CanChange(System.Reflection.PropertyInfo property) =>
        !DataParts.IsInitOnly(property) || DataParts.IsMutableCollection(property.PropertyType);

    private static RegulationClock Sample() => FullDeal.Clock("clock-1", "proposal", minutes: 20);
}
