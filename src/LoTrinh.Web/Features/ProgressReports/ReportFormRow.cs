using LoTrinh.Core.Documents;

namespace LoTrinh.Web.Features.ProgressReports;

/// <summary>The secretariat's report form as stored (one row, migration 0019); Core's <see cref="ReportForm"/> checks and reads it.</summary>
public sealed class ReportFormRow : Data.IVersioned
{
    public int Id { get; set; } = 1;
    public string? ParentBody { get; set; }
    public required string IssuingBody { get; set; }
    public required string Symbol { get; set; }
    public required string Place { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string[] SignatureLines { get; set; } = [];
    public string? Signer { get; set; }
    public string[] Recipients { get; set; } = [];
    public required string Filing { get; set; }
    public long? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public ReportForm Form => new(ParentBody, IssuingBody, Symbol, Place, Title, Body, SignatureLines, Signer, Recipients, Filing);

    public void Set(ReportForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        (ParentBody, IssuingBody, Symbol, Place, Title, Body) = (form.ParentBody, form.IssuingBody, form.Symbol, form.Place, form.Title, form.Body);
        (SignatureLines, Signer, Recipients, Filing) = ([.. form.SignatureLines], form.Signer, [.. form.Recipients], form.Filing);
    }
}
