using Crm.Api.Persistence;
using FsCheck;
using FsCheck.Fluent;

namespace Crm.Api.Tests.Persistence;

public sealed class TallyBlockTests
{
    [Fact]
    public void Cover_OfTheSecondQuarterOf2027_IsTwoSmallBlocksAtEachEnd_AroundOneLarge()
    {
        // 2027-04-01 is day 20909, 2027-07-01 day 21000.
        TallyBlocks.Cover(20909, 21000).ShouldBe(
        [
            new TallyRun(1, 20909, 20912),
            new TallyRun(8, 20912, 20928),
            new TallyRun(64, 20928, 20992),
            new TallyRun(8, 20992, 21000),
        ]);
    }

    [Fact]
    public void Cover_OfAFewDays_IsThoseDays() =>
        TallyBlocks.Cover(20910, 20913).ShouldBe([new TallyRun(1, 20910, 20913)]);

    [Fact]
    public void Cover_OfNothing_IsNothing() => TallyBlocks.Cover(20910, 20910).ShouldBeEmpty();

    [Fact]
    public void Blocks_BeforeTheEpoch_StartOnTheirMultiple() => TallyBlocks.StartOf(-1, 8).ShouldBe(-8);

    [Fact]
    public void Cover_CountsEveryDayOnce_WithAlignedBlocks_AndFewRows() =>
        Prop.ForAll(Gen.Choose(-500, 30_000).ToArbitrary(), Gen.Choose(0, 1_200).ToArbitrary(), (first, length) =>
        {
            var runs = TallyBlocks.Cover(first, first + length);
            var days = runs.SelectMany(r => Enumerable.Range(0, (int)(r.To - r.From)).Select(i => r.From + i)).ToList();
            var rows = runs.Sum(r => (r.To - r.From) / r.Days);
            return days.SequenceEqual(Enumerable.Range(first, length).Select(d => (long)d))
                && runs.All(r => r.From % r.Days == 0 && r.To % r.Days == 0 && TallyBlocks.StartOf(r.From, r.Days) == r.From)
                && rows <= 7 + 7 + 7 + 7 + (length / 64) + 1;
        }).QuickCheckThrowOnFailure();
}
