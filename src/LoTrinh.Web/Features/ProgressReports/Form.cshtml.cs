using LoTrinh.Core.Accounts;
using LoTrinh.Core.Documents;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.ProgressReports;

/// <summary>The report form the secretariat sets once: header, symbol, place, the text around the figures, signature, nơi nhận.</summary>
public sealed class FormModel(AppDbContext db, TimeProvider time) : FormPage
{
    [BindProperty] public string? ParentBody { get; set; }
    [BindProperty] public string? IssuingBody { get; set; }
    [BindProperty] public string? Symbol { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? SignatureLines { get; set; }
    [BindProperty] public string? Signer { get; set; }
    [BindProperty] public string? Recipients { get; set; }
    [BindProperty] public string? Filing { get; set; }
    [BindProperty] public uint Version { get; set; }
    public bool CanEdit => db.Viewer.Can(Permission.ManageProgramme);
    public bool Saved { get; private set; }
    public IReadOnlyList<Placeholder> Placeholders => ReportTemplate.ProgressReport;

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        Show(ProgressReportsApi.ToInput(await ProgressReportsApi.RowAsync(db, ct)));
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        static string[] Lines(string? text) => (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Errors = await ProgressReportsApi.SaveFormAsync(db, new ReportFormInput(
            ParentBody, IssuingBody, Symbol, Place, Title, Body, Lines(SignatureLines), Signer, Lines(Recipients), Filing, Version), time, ct);
        if (Errors.IsConflict)
        {
            // Show the colleague's version; the message says to edit it again.
            Show(ProgressReportsApi.ToInput(await ProgressReportsApi.RowAsync(db, ct)));
        }

        return Errors.Any ? Page() : RedirectToPage(new { saved = true });
    }

    private void Show(ReportFormInput form)
    {
        (ParentBody, IssuingBody, Symbol, Place, Title, Body) = (form.ParentBody, form.IssuingBody, form.Symbol, form.Place, form.Title, form.Body);
        (SignatureLines, Signer, Recipients, Filing, Version) =
            (string.Join('\n', form.SignatureLines ?? []), form.Signer, string.Join('\n', form.Recipients ?? []), form.Filing, form.Version ?? 0);
    }
}
