using System.Globalization;
using System.Text;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Reporting;

/// <summary>A period's review (thường trực): who sent, on time or late, who has not; the table exports as CSV.</summary>
public sealed class PeriodModel(AppDbContext db, TimeProvider time) : FormPage
{
    public PeriodReview Review { get; private set; } = null!;
    public bool CanClose { get; private set; }

    [BindProperty] public string? Reason { get; set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? format, CancellationToken ct)
    {
        if (await ReportingViews.ReviewAsync(db, id, ct) is not { } review)
        {
            return NotFound();
        }

        (Review, Today, CanClose) = (review, time.Today(), db.Viewer.Can(Permission.ApproveReport));
        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) ? Csv(review) : Page();
    }

    [Requires(Permission.ApproveReport)]
    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) => CloseAsync(id, true, ct);

    [Requires(Permission.ApproveReport)]
    public Task<IActionResult> OnPostReopenAsync(long id, CancellationToken ct) => CloseAsync(id, false, ct);

    private async Task<IActionResult> CloseAsync(long id, bool close, CancellationToken ct)
    {
        var refused = await ReportingCycle.CloseAsync(db, id, close, Reason, time, ct);
        if (refused is null)
        {
            return NotFound();
        }

        if (refused.Length == 0)
        {
            return RedirectToPage("Period", new { id });
        }

        Errors.Add("reason", refused);
        return await OnGetAsync(id, null, ct);
    }

    private FileContentResult Csv(PeriodReview review)
    {
        var csv = new StringBuilder("Cơ quan,Tình trạng,Gửi lúc,Muộn (ngày làm việc),Số lần trả lại,Duyệt lúc\n");
        foreach (var r in review.Reports)
        {
            csv.Append(Field(r.Agency)).Append(',').Append(Field(r.StateLabel)).Append(',')
                .Append(r.SubmittedAt is { } s ? Clock.Local(s).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "").Append(',')
                .Append(r.WorkingDaysLate?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.TimesReturned.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.ApprovedAt is { } a ? Clock.Local(a).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "").Append('\n');
        }

        // With a byte-order mark, so Excel opens the Vietnamese as UTF-8.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8",
            $"bao-cao-{review.Period.Id}.csv");
    }

    private static string Field(string text) => text.IndexOfAny([',', '"', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
