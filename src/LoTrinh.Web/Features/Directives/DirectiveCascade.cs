using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Directives;

public static class DirectiveCascade
{
    /// <summary>A directive and its cascade: the directives that implement it, and those that implement them, in the viewer's scope.</summary>
    public static async Task<HashSet<long>> OfAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var cascade = new HashSet<long> { id };
        var frontier = new List<long> { id };
        while (frontier.Count > 0)
        {
            var below = await db.DirectiveLinks.AsNoTracking()
                .Where(l => l.Relation == DirectiveRelations.Implements && frontier.Contains(l.ToDirectiveId))
                .Select(l => l.FromDirectiveId).Distinct().ToListAsync(ct);
            frontier = [.. below.Where(cascade.Add)];
        }

        return cascade;
    }
}
