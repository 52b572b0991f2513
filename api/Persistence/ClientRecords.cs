using NodaTime;

namespace Crm.Api.Persistence;

/// <summary>A company or a person deals are made with.</summary>
public sealed class ClientRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The name lower-cased and trimmed: how clients are matched on import and found by search.</summary>
    public required string NameKey { get; set; }
    /// <summary><c>company</c> or <c>person</c>.</summary>
    public required string Kind { get; set; }
    /// <summary>An id of the <c>sources</c> dictionary.</summary>
    public string? Source { get; set; }
    /// <summary>Ids of the <c>segments</c> dictionary; a client may be in several.</summary>
    public List<string> Segments { get; set; } = [];
    /// <summary>The manager who answers for the client (an active user's id); the creator unless someone else was named.</summary>
    public string? ResponsibleId { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>One of a client's people.</summary>
public sealed class ContactRecord
{
    public required string Id { get; set; }
    public required string ClientId { get; set; }
    public required string Name { get; set; }
    public string? NameKey { get; set; }
    public string? Position { get; set; }
    public List<string> Phones { get; set; } = [];
    public List<string> Emails { get; set; } = [];
    /// <summary>ISO local date (<c>1980-05-17</c>).</summary>
    public string? Birthday { get; set; }
    /// <summary>Every e-mail key between bars (<c>|a@x.ru|b@y.ru|</c>), so one LIKE finds an exact or partial match.</summary>
    public string EmailKeys { get; set; } = "";
    /// <summary>Every phone's digits between bars (<c>|84951234567|</c>).</summary>
    public string PhoneKeys { get; set; } = "";
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>An entry of the interaction journal: on a deal (and so on its client) or on a client alone.</summary>
public sealed class InteractionRecord
{
    public required string Id { get; set; }
    public string? DealId { get; set; }
    public string? ClientId { get; set; }
    public string? ContactId { get; set; }
    /// <summary>call, meeting, email or note.</summary>
    public required string Kind { get; set; }
    public Instant At { get; set; }
    public required string Text { get; set; }
    public string? Topic { get; set; }
    /// <summary>An id of the <c>workResults</c> dictionary.</summary>
    public string? Result { get; set; }
    public string? By { get; set; }
    /// <summary>Text and topic lower-cased, for search.</summary>
    public required string SearchText { get; set; }
    /// <summary>The entry date; <see cref="At"/> is the date of the letter or meeting itself.</summary>
    public Instant CreatedAt { get; set; }
    /// <summary>The journal the entry is numbered in: the deal's id, or <c>client:&lt;id&gt;</c> for an entry on a client alone.</summary>
    public string Journal { get; set; } = "";
    /// <summary>1, 2, … in creation order within <see cref="Journal"/>; unique there, never changed.</summary>
    public int Number { get; set; }
    public Instant? EditedAt { get; set; }
    public string? EditedBy { get; set; }
    /// <summary>How many times the entry was corrected (rows in the revisions table).</summary>
    public int Revisions { get; set; }
}

/// <summary>An entry as it read before a correction replaced it: who wrote that version and when.</summary>
public sealed class InteractionRevisionRecord
{
    public required string Id { get; set; }
    public required string InteractionId { get; set; }
    /// <summary>When this version was written (the entry date, or the time of the correction that produced it).</summary>
    public Instant At { get; set; }
    public string? By { get; set; }
    public required string Text { get; set; }
    public string? Topic { get; set; }
    public string? Result { get; set; }
    /// <summary>The letter's or meeting's date this version gave.</summary>
    public Instant InteractionAt { get; set; }
}
