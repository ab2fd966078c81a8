using System.Collections.Concurrent;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web;

/// <summary>
/// Results computed from the programme's data — the dashboard's tallies, every target's progress — kept in memory under
/// the versions of what they read (table figures_version: "tasks" and "targets", each moved at the commit of a write to
/// its tables) and the viewer's scope. A request asks the versions (one query) and gets the kept result when nothing it
/// reads was written since; the first request after such a write computes it again. The versions are read before the
/// data, so a result is never kept under versions newer than the data it was computed from.
/// </summary>
public sealed class FiguresCache
{
    /// <summary>
    /// What a server keeps at once, in rows (a list weighs its length, anything else 1): about five of the country's
    /// assessed target lists (20,099 rows, ≈ 15 MB each). Past it, the least recently used make room.
    /// </summary>
    public const int Budget = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _evicting = new();
    private long _uses;

    private sealed record Entry(string Version, object Value, int Weight, long LastUse);

    /// <summary>What the tasks' tallies read (tasks, agencies, directives, the calendar, the urging log and rules).</summary>
    public const string Tasks = "tasks";

    /// <summary>What the targets' progress reads (figures, targets, indicators, the register, directives).</summary>
    public const string Targets = "targets";

    public static Task<string> VersionAsync(AppDbContext db, string[] kinds, CancellationToken ct) =>
        db.Database.SqlQuery<string>($"select string_agg(id || version, '.' order by id) as \"Value\" from figures_version where id = any({kinds})").SingleAsync(ct);

    /// <param name="key">What is computed and from which inputs (cut-off, filters); the viewer's scope is added here.</param>
    /// <param name="kinds">The versions the result depends on.</param>
    public async Task<T> GetAsync<T>(AppDbContext db, string key, string[] kinds, Func<Task<T>> compute, CancellationToken ct)
        where T : class
    {
        var version = await VersionAsync(db, kinds, ct);
        var scoped = $"{typeof(T).Name}|{db.Viewer.ScopeKey}|{key}";
        var use = Interlocked.Increment(ref _uses);
        if (_entries.TryGetValue(scoped, out var kept) && kept.Version == version && kept.Value is T value)
        {
            _entries[scoped] = kept with { LastUse = use };
            return value;
        }

        var computed = await compute();
        var weight = computed switch
        {
            IReadOnlyCollection<object> rows => rows.Count,
            IWeighed weighed => weighed.RowCount,
            _ => 1,
        };
        _entries[scoped] = new Entry(version, computed, Math.Max(1, weight), use);
        lock (_evicting)
        {
            var total = _entries.Values.Sum(e => (long)e.Weight);
            foreach (var (old, entry) in _entries.OrderBy(e => e.Value.LastUse).ToList())
            {
                if (total <= Budget || old == scoped)
                {
                    break;
                }

                if (_entries.TryRemove(old, out _))
                {
                    total -= entry.Weight;
                }
            }
        }

        return computed;
    }
}

/// <summary>A kept result that is not a list itself but holds rows: it counts as that many against the budget.</summary>
public interface IWeighed
{
    int RowCount { get; }
}

public static class FiguresCacheExtensions
{
    /// <summary>The result kept for <paramref name="key"/> at the current versions of <paramref name="kinds"/>, or computed now.</summary>
    public static Task<T> CachedAsync<T>(this AppDbContext db, string key, string[] kinds, Func<Task<T>> compute, CancellationToken ct)
        where T : class =>
        db.Figures is { } cache ? cache.GetAsync(db, key, kinds, compute, ct) : compute();

    /// <summary>
    /// What the targets' progress depends on for this viewer: an agency sees the directives it has tasks in, so its
    /// targets also move with the tasks.
    /// </summary>
    public static string[] TargetKinds(this AppDbContext db) =>
        db.Viewer.Scope == Core.Accounts.ReadScope.Agency ? [FiguresCache.Targets, FiguresCache.Tasks] : [FiguresCache.Targets];

    /// <summary>A filter of directive ids as part of a key.</summary>
    public static string Key(IReadOnlyCollection<long>? ids) => ids is null ? "*" : string.Join(',', ids.Order());
}
