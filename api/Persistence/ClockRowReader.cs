using System.Data.Common;
using static Crm.Api.Persistence.SqlValues;

namespace Crm.Api.Persistence;

/// <summary>
/// Reads clock rows of one result set by column name. The names are the ones <see cref="StoreTables"/> builds the
/// SELECT from, and their ordinals are looked up once per result set, so a row costs what reading by position does.
/// </summary>
internal sealed class ClockRowReader
{
    private readonly DbDataReader _reader;
    private readonly int _id;
    private readonly int _dealId;
    private readonly int _workflowId;
    private readonly int _regulationId;
    private readonly int _name;
    private readonly int _stageId;
    private readonly int _state;
    private readonly int _startedAt;
    private readonly int _limitTicks;
    private readonly int _warnBeforeTicks;
    private readonly int _escalationsJson;
    private readonly int _consumedTicks;
    private readonly int _runningSince;
    private readonly int _dueAt;
    private readonly int _warnAt;
    private readonly int _warnedAt;
    private readonly int _breachedAt;
    private readonly int _escalationsRaised;
    private readonly int _nextEscalationAt;
    private readonly int _finishedAt;
    private readonly int _ownerId;
    private readonly int _overrunTicks;
    private readonly int _handoversJson;

    public ClockRowReader(DbDataReader reader)
    {
        _reader = reader;
        _id = reader.GetOrdinal(nameof(ClockRecord.Id));
        _dealId = reader.GetOrdinal(nameof(ClockRecord.DealId));
        _workflowId = reader.GetOrdinal(nameof(ClockRecord.WorkflowId));
        _regulationId = reader.GetOrdinal(nameof(ClockRecord.RegulationId));
        _name = reader.GetOrdinal(nameof(ClockRecord.Name));
        _stageId = reader.GetOrdinal(nameof(ClockRecord.StageId));
        _state = reader.GetOrdinal(nameof(ClockRecord.State));
        _startedAt = reader.GetOrdinal(nameof(ClockRecord.StartedAt));
        _limitTicks = reader.GetOrdinal(nameof(ClockRecord.LimitTicks));
        _warnBeforeTicks = reader.GetOrdinal(nameof(ClockRecord.WarnBeforeTicks));
        _escalationsJson = reader.GetOrdinal(nameof(ClockRecord.EscalationsJson));
        _consumedTicks = reader.GetOrdinal(nameof(ClockRecord.ConsumedTicks));
        _runningSince = reader.GetOrdinal(nameof(ClockRecord.RunningSince));
        _dueAt = reader.GetOrdinal(nameof(ClockRecord.DueAt));
        _warnAt = reader.GetOrdinal(nameof(ClockRecord.WarnAt));
        _warnedAt = reader.GetOrdinal(nameof(ClockRecord.WarnedAt));
        _breachedAt = reader.GetOrdinal(nameof(ClockRecord.BreachedAt));
        _escalationsRaised = reader.GetOrdinal(nameof(ClockRecord.EscalationsRaised));
        _nextEscalationAt = reader.GetOrdinal(nameof(ClockRecord.NextEscalationAt));
        _finishedAt = reader.GetOrdinal(nameof(ClockRecord.FinishedAt));
        _ownerId = reader.GetOrdinal(nameof(ClockRecord.OwnerId));
        _overrunTicks = reader.GetOrdinal(nameof(ClockRecord.OverrunTicks));
        _handoversJson = reader.GetOrdinal(nameof(ClockRecord.HandoversJson));
    }

    /// <summary>The row the reader is on.</summary>
    public ClockRecord Read()
    {
        var r = _reader;
        return new()
        {
            Id = r.GetString(_id),
            DealId = r.GetString(_dealId),
            WorkflowId = r.GetString(_workflowId),
            RegulationId = r.GetString(_regulationId),
            Name = r.GetString(_name),
            StageId = String(r, _stageId),
            State = r.GetString(_state),
            StartedAt = Instant(r, _startedAt),
            LimitTicks = r.GetInt64(_limitTicks),
            WarnBeforeTicks = Long(r, _warnBeforeTicks),
            EscalationsJson = String(r, _escalationsJson),
            ConsumedTicks = r.GetInt64(_consumedTicks),
            RunningSince = NullableInstant(r, _runningSince),
            DueAt = NullableInstant(r, _dueAt),
            WarnAt = NullableInstant(r, _warnAt),
            WarnedAt = NullableInstant(r, _warnedAt),
            BreachedAt = NullableInstant(r, _breachedAt),
            EscalationsRaised = r.GetInt32(_escalationsRaised),
            NextEscalationAt = NullableInstant(r, _nextEscalationAt),
            FinishedAt = NullableInstant(r, _finishedAt),
            OwnerId = String(r, _ownerId),
            OverrunTicks = Long(r, _overrunTicks),
            HandoversJson = String(r, _handoversJson),
        };
    }
}
