using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Data;

/// <summary>A record edited with optimistic concurrency: PostgreSQL's xmin, read with the record and sent back with the edit.</summary>
public interface IVersioned
{
    uint Version { get; }
}

/// <summary>A business record that is hidden, not removed, when deleted; the audit trail names who deleted it.</summary>
public interface ISoftDeletable
{
    DateTimeOffset? DeletedAt { get; set; }
}

/// <summary>The two ways business records change after they are written: an edit checked against its version, and a soft delete.</summary>
public static class Edits
{
    /// <summary>
    /// Saves an edit of a record as read at <paramref name="version"/>. The record's row is always written, so the
    /// version is checked even when only its children changed; a save over a newer one adds a conflict to
    /// <paramref name="errors"/>, writes nothing and forgets the edit.
    /// </summary>
    public static async Task SaveVersionedAsync(this AppDbContext db, IVersioned record, uint version, InputErrors errors, string conflict, CancellationToken ct)
    {
        var entry = db.Entry(record);
        entry.Property(nameof(IVersioned.Version)).OriginalValue = version;
        entry.State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            errors.Conflict(conflict);
        }
    }

    /// <summary>Marks a record deleted; false when there is none with this id in the viewer's scope.</summary>
    public static async Task<bool> SoftDeleteAsync<T>(this AppDbContext db, long id, TimeProvider time, CancellationToken ct)
        where T : class, ISoftDeletable
    {
        var record = await db.Set<T>().FirstOrDefaultAsync(r => EF.Property<long>(r, "Id") == id, ct);
        if (record is null)
        {
            return false;
        }

        record.DeletedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Brings back a record deleted softly (the audit trail records "restore"); false when there is no deleted one with this id in scope.</summary>
    public static async Task<bool> RestoreAsync<T>(this AppDbContext db, long id, CancellationToken ct)
        where T : class, ISoftDeletable
    {
        var record = await db.Set<T>().IgnoreQueryFilters([AppDbContext.DeletedFilter])
            .FirstOrDefaultAsync(r => EF.Property<long>(r, "Id") == id && r.DeletedAt != null, ct);
        if (record is null)
        {
            return false;
        }

        record.DeletedAt = null;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The API's answer to an edit: 404, 409 with the record as it now is, 400, or 200 with it — or 204 when
    /// the edit is committed but the record could not be read back (the answer never fails a saved write).
    /// </summary>
    public static async Task<Results<Ok<TView>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> AnswerAsync<TView>(
        InputErrors? errors, Func<Task<TView?>> current)
    {
        if (errors is null)
        {
            return TypedResults.NotFound();
        }

        return errors switch
        {
            { IsConflict: true } => errors.ConflictProblem(await current()),
            { Any: true } => errors.Problem(),
            _ => await ReadBackAsync(current) is { } saved ? TypedResults.Ok(saved) : TypedResults.NoContent(),
        };
    }

    /// <summary>
    /// Reads a record just committed, for the answer. The write stands whatever happens here, so a database
    /// blip now must not turn it into an error: the caller then answers without the record (it has its URL).
    /// </summary>
    public static async Task<T?> ReadBackAsync<T>(Func<Task<T?>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return await read();
        }
        catch (Exception e) when (RefusalHandler.IsUnavailable(e))
        {
            return default;
        }
    }
}
