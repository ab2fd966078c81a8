using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Classification;

/// <summary>Two assessments of one urban area side by side: what changed, which standards moved.</summary>
public sealed class CompareModel(AppDbContext db) : FormPage
{
    public AssessmentComparison? Comparison { get; private set; }

    /// <param name="id">The two ticked on the area's page (or a and b, as the API takes them).</param>
    public async Task<IActionResult> OnGetAsync(long[]? id, long? a, long? b, CancellationToken ct)
    {
        if (id is { Length: > 0 })
        {
            (a, b) = (id[0], id.Length > 1 ? id[1] : null);
            if (id.Length > 2)
            {
                Errors.Add("b", "Chọn đúng hai lần đánh giá.");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        }

        var (comparison, errors) = await ClassificationApi.CompareAsync(db, a, b, ct);
        Comparison = comparison;
        Errors = errors;
        if (comparison is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
