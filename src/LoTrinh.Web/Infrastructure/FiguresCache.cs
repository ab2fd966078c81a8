using System.Collections.Concurrent;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web;

/// <summary>
/// Results computed from the programme's data — the dashboard's tallies, every target's progress — kept in memory under
/// the data's version (table figures_version, moved at the commit of any write to what they read) and the viewer's
/// scope. A request asks the version (one row) and gets the kept result when nothing was written since; the first
/// request after a write computes it again. The version is read before the data, so a result is never kept under a
/// version newer than the data it was computed from.
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

    private sealed record Entry(long Version, object Value, int Weight, long LastUse);

    public static Task<long> VersionAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.SqlQuery<long>($"select version as \"Value\" from figures_version where id = 1").SingleAsync(ct);

    /// <param name="key">What is computed and from which inputs (cut-off, filters); the viewer's scope is added here.</param>
    public async Task<T> GetAsync<T>(AppDbContext db, string key, Func<Task<T>> compute, CancellationToken ct)
        where T : class
    {
        var version = await VersionAsync(db, ct);
        var scoped = $"{typeof(T).Name}|{db.Viewer.ScopeKey}|{key}";
        var use = Interlocked.Increment(ref _uses);
        if (_entries.TryGetValue(scoped, out var kept) && kept.Version == version && kept.Value is T value)
        {
            _entries[scoped] = kept with { LastUse = use };
            return value;
        }

        var computed = await compute();
        _entries[scoped] = new Entry(version, computed, computed is IReadOnlyCollection<object> rows ? Math.Max(1, rows.Count) : 1, use);
        lock (_evicting)
        {
            var weight = _entries.Values.Sum(e => (long)e.Weight);
            foreach (var (old, entry) in _entries.OrderBy(e => e.Value.LastUse).ToList())
            {
                if (weight <= Budget || old == scoped)
                {
                    break;
                }

                if (_entries.TryRemove(old, out _))
                {
                    weight -= entry.Weight;
                }
            }
        }

        return computed;
    }
}

public static class FiguresCacheExtensions
{
    /// <summary>The result kept for <paramref name="key"/> at the data's current version, or computed now.</summary>
    public static Task<T> CachedAsync<T>(this AppDbContext db, string key, Func<Task<T>> compute, CancellationToken ct)
        where T : class =>
        db.Figures is { } cache ? cache.GetAsync(db, key, compute, ct) : compute();

    /// <summary>A filter of directive ids as part of a key.</summary>
    public static string Key(IReadOnlyCollection<long>? ids) => ids is null ? "*" : string.Join(',', ids.Order());
}
