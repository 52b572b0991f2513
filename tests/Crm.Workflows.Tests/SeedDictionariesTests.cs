namespace Crm.Workflows.Tests;

public sealed class SeedDictionariesTests
{
    [Fact]
    public void Dictionaries_Sources_CoverWhereDealsComeFrom() =>
        BuiltInWorkflows.Dictionaries().Sources.Select(s => s.Id).ShouldBe(
            ["website", "cold-call", "referral-client", "referral-partner", "referral-employee", "tender", "seminar", "mailing", "social", "exhibition"],
            ignoreOrder: true);

    [Fact]
    public void Dictionaries_WorkResults_CoverWhatAnInteractionAchieved() =>
        BuiltInWorkflows.Dictionaries().WorkResults.Select(r => r.Id).ShouldBe(
            ["interested", "meeting-held", "meeting-scheduled", "proposal-sent", "invoice-issued", "no-answer", "call-back", "not-interested", "contract-signed", "wrong-number", "call-back-later"],
            ignoreOrder: true);

    [Fact]
    public void Dictionaries_EveryEntry_HasAUniqueIdAndAName()
    {
        var dictionaries = BuiltInWorkflows.Dictionaries();

        foreach (var entries in new[] { dictionaries.Sources, dictionaries.WorkResults })
        {
            entries.Select(e => e.Id).ShouldBeUnique();
            entries.ShouldAllBe(e => !string.IsNullOrWhiteSpace(e.Id) && !string.IsNullOrWhiteSpace(e.Name));
        }
    }
}
