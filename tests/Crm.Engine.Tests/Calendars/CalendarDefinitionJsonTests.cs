using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Engine.Calendars;
using NodaTime;

namespace Crm.Engine.Tests.Calendars;

public sealed class CalendarDefinitionJsonTests
{
    private const string ContractExample = """
        { "id": "moscow", "name": "Moscow office", "timeZone": "Europe/Moscow",
          "week": { "monday": [{"from": "09:00", "to": "13:00"}, {"from": "14:00", "to": "18:00"}],
                    "tuesday": [{"from": "09:00", "to": "18:00"}], "wednesday": [], "thursday": [], "friday": [],
                    "saturday": [], "sunday": [] },
          "holidays": ["2027-01-01", "2027-01-07"],
          "overrides": [ {"date": "2027-11-06", "hours": [{"from": "09:00", "to": "17:00"}]} ] }
        """;

    [Fact]
    public void Deserialize_ContractExample_ReadsEveryField()
    {
        var definition = JsonSerializer.Deserialize<CalendarDefinition>(ContractExample, CalendarJson.Options)!;

        definition.Id.ShouldBe("moscow");
        definition.Name.ShouldBe("Moscow office");
        definition.TimeZone.ShouldBe("Europe/Moscow");
        definition.Week.Monday.ShouldBe([new WorkingInterval("09:00", "13:00"), new WorkingInterval("14:00", "18:00")]);
        definition.Week.Tuesday.ShouldBe([new WorkingInterval("09:00", "18:00")]);
        definition.Week.Sunday.ShouldBeEmpty();
        definition.Holidays.ShouldBe(["2027-01-01", "2027-01-07"]);
        var single = definition.Overrides.ShouldHaveSingleItem();
        single.Date.ShouldBe("2027-11-06");
        single.Hours.ShouldBe([new WorkingInterval("09:00", "17:00")]);
    }

    [Fact]
    public void Deserialize_ContractExample_Compiles()
    {
        var definition = JsonSerializer.Deserialize<CalendarDefinition>(ContractExample, CalendarJson.Options)!;
        var calendar = TestCalendars.Compile(definition);

        calendar.WorkingTime(calendar.At("2027-11-06 00:00"), calendar.At("2027-11-07 00:00")).ShouldBe(Duration.FromHours(8));
    }

    [Fact]
    public void Serialize_SampleCalendar_UsesContractNames()
    {
        var json = JsonSerializer.SerializeToNode(SampleCalendars.Moscow(), CalendarJson.Options)!.AsObject();

        json.Select(property => property.Key).ShouldBe(["id", "name", "timeZone", "week", "holidays", "overrides"]);
        json["week"]!.AsObject().Select(property => property.Key)
            .ShouldBe(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
        json["week"]!["monday"]![0]!.ToJsonString().ShouldBe("""{"from":"09:00","to":"13:00"}""");
        json["overrides"]![0]!.ToJsonString().ShouldBe("""{"date":"2027-02-22","hours":[{"from":"09:00","to":"13:00"},{"from":"14:00","to":"17:00"}]}""");
    }

    [Fact]
    public void Serialize_ThenDeserialize_GivesTheSameCalendar()
    {
        var json = JsonSerializer.Serialize(SampleCalendars.Moscow(), CalendarJson.Options);
        var copy = JsonSerializer.Deserialize<CalendarDefinition>(json, CalendarJson.Options)!;

        JsonSerializer.Serialize(copy, CalendarJson.Options).ShouldBe(json);
    }

    [Fact]
    public void Deserialize_BadValues_DoesNotThrowAndCompileReportsThem()
    {
        const string json = """
            { "id": "x", "timeZone": "Europe/Moscow",
              "week": { "monday": [{"from": "9", "to": "24:00"}, null] },
              "holidays": ["soon"], "overrides": [{"date": "2027-11-06"}] }
            """;
        var definition = JsonSerializer.Deserialize<CalendarDefinition>(json, CalendarJson.Options)!;

        CalendarCompiler.Compile(definition).Errors.Select(error => error.Path)
            .ShouldBe(["week.monday[0].from", "week.monday[1]", "holidays[0]", "overrides[0].hours"]);
    }

    [Fact]
    public void Deserialize_EmptyObject_CompileReportsTheMissingFields()
    {
        var definition = JsonSerializer.Deserialize<CalendarDefinition>("{}", CalendarJson.Options)!;

        CalendarCompiler.Compile(definition).Errors.Select(error => error.Path).ShouldBe(["id", "timeZone", "week"]);
    }

    [Fact]
    public void Deserialize_NullCollections_AreTreatedAsEmpty()
    {
        const string json = """
            { "id": "x", "timeZone": "UTC", "week": { "monday": [{"from": "09:00", "to": "17:00"}], "sunday": null },
              "holidays": null, "overrides": null }
            """;
        var definition = JsonSerializer.Deserialize<CalendarDefinition>(json, CalendarJson.Options)!;

        CalendarCompiler.Compile(definition).Succeeded.ShouldBeTrue();
    }
}
