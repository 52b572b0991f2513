using System.Data.Common;
using static Crm.Api.Persistence.SqlValues;

namespace Crm.Api.Persistence;

/// <summary>
/// Reads deal rows of one result set by column name. The names are the ones <see cref="StoreTables"/> builds the
/// SELECT from, and their ordinals are looked up once per result set, so a row costs what reading by position does.
/// </summary>
internal sealed class DealRowReader
{
    private readonly DbDataReader _reader;
    private readonly int _id;
    private readonly int _title;
    private readonly int _workflowId;
    private readonly int _workflowVersion;
    private readonly int _stageId;
    private readonly int _state;
    private readonly int _ownerId;
    private readonly int _teamId;
    private readonly int _amount;
    private readonly int _source;
    private readonly int _clientName;
    private readonly int _clientKind;
    private readonly int _contactName;
    private readonly int _contactEmail;
    private readonly int _contactPhone;
    private readonly int _contactEmailKey;
    private readonly int _contactPhoneKey;
    private readonly int _contactPosition;
    private readonly int _nextStepAt;
    private readonly int _nextDueAt;
    private readonly int _data;
    private readonly int _createdAt;
    private readonly int _updatedAt;
    private readonly int _closedAt;
    private readonly int _version;
    private readonly int _clientId;
    private readonly int _searchText;

    public DealRowReader(DbDataReader reader)
    {
        _reader = reader;
        _id = reader.GetOrdinal(nameof(DealRecord.Id));
        _title = reader.GetOrdinal(nameof(DealRecord.Title));
        _workflowId = reader.GetOrdinal(nameof(DealRecord.WorkflowId));
        _workflowVersion = reader.GetOrdinal(nameof(DealRecord.WorkflowVersion));
        _stageId = reader.GetOrdinal(nameof(DealRecord.StageId));
        _state = reader.GetOrdinal(nameof(DealRecord.State));
        _ownerId = reader.GetOrdinal(nameof(DealRecord.OwnerId));
        _teamId = reader.GetOrdinal(nameof(DealRecord.TeamId));
        _amount = reader.GetOrdinal(nameof(DealRecord.Amount));
        _source = reader.GetOrdinal(nameof(DealRecord.Source));
        _clientName = reader.GetOrdinal(nameof(DealRecord.ClientName));
        _clientKind = reader.GetOrdinal(nameof(DealRecord.ClientKind));
        _contactName = reader.GetOrdinal(nameof(DealRecord.ContactName));
        _contactEmail = reader.GetOrdinal(nameof(DealRecord.ContactEmail));
        _contactPhone = reader.GetOrdinal(nameof(DealRecord.ContactPhone));
        _contactEmailKey = reader.GetOrdinal(nameof(DealRecord.ContactEmailKey));
        _contactPhoneKey = reader.GetOrdinal(nameof(DealRecord.ContactPhoneKey));
        _contactPosition = reader.GetOrdinal(nameof(DealRecord.ContactPosition));
        _nextStepAt = reader.GetOrdinal(nameof(DealRecord.NextStepAt));
        _nextDueAt = reader.GetOrdinal(nameof(DealRecord.NextDueAt));
        _data = reader.GetOrdinal(nameof(DealRecord.Data));
        _createdAt = reader.GetOrdinal(nameof(DealRecord.CreatedAt));
        _updatedAt = reader.GetOrdinal(nameof(DealRecord.UpdatedAt));
        _closedAt = reader.GetOrdinal(nameof(DealRecord.ClosedAt));
        _version = reader.GetOrdinal(nameof(DealRecord.Version));
        _clientId = reader.GetOrdinal(nameof(DealRecord.ClientId));
        _searchText = reader.GetOrdinal(nameof(DealRecord.SearchText));
    }

    /// <summary>The row the reader is on.</summary>
    public DealRecord Read()
    {
        var r = _reader;
        return new()
        {
            Id = r.GetString(_id),
            Title = r.GetString(_title),
            WorkflowId = r.GetString(_workflowId),
            WorkflowVersion = r.GetInt32(_workflowVersion),
            StageId = String(r, _stageId),
            State = r.GetString(_state),
            OwnerId = String(r, _ownerId),
            TeamId = String(r, _teamId),
            Amount = Decimal(r, _amount),
            Source = String(r, _source),
            ClientName = String(r, _clientName),
            ClientKind = String(r, _clientKind),
            ContactName = String(r, _contactName),
            ContactEmail = String(r, _contactEmail),
            ContactPhone = String(r, _contactPhone),
            ContactEmailKey = String(r, _contactEmailKey),
            ContactPhoneKey = String(r, _contactPhoneKey),
            ContactPosition = String(r, _contactPosition),
            NextStepAt = NullableInstant(r, _nextStepAt),
            NextDueAt = NullableInstant(r, _nextDueAt),
            Data = r.GetString(_data),
            CreatedAt = Instant(r, _createdAt),
            UpdatedAt = Instant(r, _updatedAt),
            ClosedAt = NullableInstant(r, _closedAt),
            Version = r.GetInt32(_version),
            ClientId = String(r, _clientId),
            SearchText = String(r, _searchText),
        };
    }
}
