namespace LoTrinh.Web.Features.History;

/// <summary>
/// One change of a business row, written by a database trigger in the same transaction as the change
/// (migration 0004). Read-only here: the application's database role cannot update or delete it.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public long? ActorId { get; init; }
    public required string ActorName { get; init; }
    public string? Client { get; init; }
    public required string TableName { get; init; }
    public long? RowId { get; init; }
    public required string SubjectTable { get; init; }
    public long? SubjectId { get; init; }

    /// <summary>insert, update, delete, soft_delete, restore.</summary>
    public required string Action { get; init; }

    public string? Before { get; init; }
    public string? After { get; init; }
}
