using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LoTrinh.Core.Documents;
using LoTrinh.Core.Extraction;
using LoTrinh.Core.Text;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Agencies;
using LoTrinh.Web.Features.Directives;
using LoTrinh.Web.Features.Units;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LoTrinh.Web.Features.Extraction;

public sealed record ImportStatus(
    Guid Id, string FileName, string Stage, string StageName, string? Step, int Percent, string? Problem,
    long? DirectiveId, DateTimeOffset CreatedAt);

/// <summary>What an upload led to: a new import, the one already under review for the same file, or a refusal.</summary>
public sealed record UploadOutcome(ImportStatus? Import, bool AlreadyUploaded, string? Problem, long? SavedAs);

public sealed record SaveOutcome(long? DirectiveId, InputErrors Errors, string? Conflict, bool NotFound);

/// <summary>
/// A directive from file to database: upload (kept as uploaded, read in the background), review (the
/// form and the choices it offers), save (one transaction, the same directive never twice).
/// Shared by the pages and the API.
/// </summary>
public static class DirectiveImports
{
    public static async Task<UploadOutcome> UploadAsync(AppDbContext db, ImportBacklog queue, string fileName, byte[] content, string? uploadedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(fileName ?? string.Empty);
        if (content.Length == 0)
        {
            return new(null, false, "Tệp rỗng (0 byte).", null);
        }

        if (content.Length > DocumentFile.MaxBytes)
        {
            return new(null, false, $"Tệp lớn hơn {DocumentFile.MaxBytes / 1024 / 1024} MB; một văn bản chỉ đạo thường dưới 2 MB.", null);
        }

        if (Path.GetExtension(name).ToLowerInvariant() is not (".txt" or ".docx" or ".pdf" or ".md"))
        {
            return new(null, false, "Chỉ nhận tệp .txt, .docx hoặc .pdf.", null);
        }

        var hash = Hash(content);
        var earlier = await db.DocumentImports.AsNoTracking()
            .Where(i => i.FileHash == hash && i.Stage != ImportStages.Failed)
            .OrderByDescending(i => i.Stage == ImportStages.Saved).ThenByDescending(i => i.CreatedAt)
            .Select(i => new { i.Id, i.Stage, i.DirectiveId, Number = i.Directive == null ? null : i.Directive.Number })
            .FirstOrDefaultAsync(ct);
        if (earlier is { Stage: ImportStages.Saved })
        {
            return new(null, true, $"Tệp này đã được nhập và lưu thành văn bản {earlier.Number ?? "#" + earlier.DirectiveId}; không nhập lại.", earlier.DirectiveId);
        }

        if (earlier is not null)
        {
            return new(await StatusAsync(db, earlier.Id, ct), true, null, null);
        }

        var import = new DocumentImport
        {
            Id = Guid.CreateVersion7(),
            FileName = name,
            FileHash = hash,
            Content = content,
            UploadedBy = Input.Clean(uploadedBy),
            Step = "Đang chờ đọc",
        };
        db.DocumentImports.Add(import);
        await db.SaveChangesAsync(ct);
        queue.Enqueue(import.Id);
        return new(await StatusAsync(db, import.Id, ct), false, null, null);
    }

    private static readonly Expression<Func<DocumentImport, ImportStatus>> AsStatus = i =>
        new ImportStatus(i.Id, i.FileName, i.Stage, ImportStages.Vietnamese(i.Stage), i.Step, i.Percent, i.Problem, i.DirectiveId, i.CreatedAt);

    public static async Task<ImportStatus?> StatusAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.DocumentImports.AsNoTracking().Where(i => i.Id == id).Select(AsStatus).FirstOrDefaultAsync(ct);

    public static async Task<IReadOnlyList<ImportStatus>> RecentAsync(AppDbContext db, int take, CancellationToken ct) =>
        await db.DocumentImports.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(take).Select(AsStatus).ToListAsync(ct);

    /// <summary>How many times a file is started before it is given up: one that stops the app every time must not do so forever.</summary>
    public const int MaxAttempts = 3;

    /// <summary>Reads an uploaded file into a draft, telling the database each step so the page can show it.</summary>
    /// <summary>
    /// Reads an uploaded file into a draft, if no other reader holds it: claiming takes a lease for
    /// <paramref name="lease"/>, renewed at every step of the reading (another instance, or this one after a
    /// restart, may take the file once it has run out), and counts an attempt, in the database, before anything
    /// can go wrong with it.
    /// </summary>
    public static async Task ReadAsync(AppDbContext db, Guid id, TimeProvider time, TimeSpan lease, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var claimed = await Claimable(db.DocumentImports, now).Where(i => i.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Stage, ImportStages.Reading).SetProperty(i => i.Attempts, i => i.Attempts + 1)
                .SetProperty(i => i.ReadingUntil, now + lease).SetProperty(i => i.Step, "Đang đọc tệp").SetProperty(i => i.Percent, 5), ct);
        var import = claimed == 0 ? null : await db.DocumentImports.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.FileName, i.Content, i.Attempts }).FirstOrDefaultAsync(ct);
        if (import is null)
        {
            return;
        }

        if (import.Attempts > MaxAttempts)
        {
            await FailAsync(db, id, $"Đã bắt đầu đọc tệp {MaxAttempts} lần mà lần nào cũng bị ngắt (máy chủ dừng giữa chừng); đã dừng thử. Hãy kiểm tra tệp rồi tải lên lại.", ct);
            return;
        }

        var read = await DocumentFile.ReadAsync(import.FileName, import.Content, ct);
        var problem = read.Problem ?? DirectiveExtractor.Problem(read.Text!);
        if (problem is not null)
        {
            await FailAsync(db, id, problem, ct);
            return;
        }

        var extraction = DirectiveExtractor.Extract(read.Text!, new StepReporter(db, id, time, lease, ct));
        var draft = JsonSerializer.Serialize(ReviewForm.From(extraction), Json.Options);
        var warnings = JsonSerializer.Serialize(extraction.Warnings, Json.Options);
        var textHash = Hash(Encoding.UTF8.GetBytes(extraction.Text));
        await db.DocumentImports.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Stage, ImportStages.Ready).SetProperty(i => i.Step, (string?)null).SetProperty(i => i.Percent, 100)
            .SetProperty(i => i.ReadingUntil, (DateTimeOffset?)null)
            .SetProperty(i => i.Text, extraction.Text).SetProperty(i => i.TextHash, textHash)
            .SetProperty(i => i.Draft, draft).SetProperty(i => i.Warnings, warnings), ct);
    }

    /// <summary>Waiting to be read, or being read by a reader whose lease has run out (it stopped, or its instance did).</summary>
    public static IQueryable<DocumentImport> Claimable(IQueryable<DocumentImport> imports, DateTimeOffset now) =>
        imports.Where(i => i.Stage == ImportStages.Queued || (i.Stage == ImportStages.Reading && (i.ReadingUntil == null || i.ReadingUntil < now)));

    /// <summary>Takes back an attempt that the database, not the file, cut short.</summary>
    public static Task<int> ForgiveAttemptAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.DocumentImports.Where(i => i.Id == id && i.Attempts > 0 && i.Stage == ImportStages.Reading)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Attempts, i => i.Attempts - 1).SetProperty(i => i.ReadingUntil, (DateTimeOffset?)null), ct);

    public static async Task<int> FailAsync(AppDbContext db, Guid id, string problem, CancellationToken ct) =>
        await db.DocumentImports.Where(i => i.Id == id && i.Stage != ImportStages.Saved).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Stage, ImportStages.Failed).SetProperty(i => i.Problem, problem).SetProperty(i => i.ReadingUntil, (DateTimeOffset?)null)
            .SetProperty(i => i.Step, (string?)null).SetProperty(i => i.Percent, 100), ct);

    /// <summary>
    /// Writes each extraction step as it starts; the extractor is synchronous, so this is too. Each step is
    /// also where a read over its time limit stops.
    /// </summary>
    private sealed class StepReporter(AppDbContext db, Guid id, TimeProvider time, TimeSpan lease, CancellationToken ct) : IProgress<ExtractionStep>
    {
        public void Report(ExtractionStep value)
        {
            ct.ThrowIfCancellationRequested();
            var (step, percent) = value switch
            {
                ExtractionStep.RepairingText => ("Đang chuẩn hóa văn bản (ngắt dòng, số trang, chú thích)", 20),
                ExtractionStep.ReadingOutline => ("Đang nhận diện bố cục (I., 1., a), -)", 35),
                ExtractionStep.ReadingMetadata => ("Đang đọc số, ngày, cơ quan ban hành, văn bản dẫn chiếu", 50),
                ExtractionStep.ReadingTargets => ("Đang đọc mục tiêu và chỉ tiêu", 65),
                _ => ("Đang đọc nhiệm vụ, cơ quan và thời hạn", 80),
            };
            // A reader still at work renews its lease: a slow machine must not hand the file to a second reader.
            var until = time.GetUtcNow() + lease;
            db.DocumentImports.Where(i => i.Id == id).ExecuteUpdate(s => s
                .SetProperty(i => i.Stage, ImportStages.Reading).SetProperty(i => i.Step, step).SetProperty(i => i.Percent, percent)
                .SetProperty(i => i.ReadingUntil, until));
        }
    }

    public static ReviewForm? DraftOf(DocumentImport import) =>
        import.Draft is null ? null : JsonSerializer.Deserialize<ReviewForm>(import.Draft, Json.Options);

    public static IReadOnlyList<string> WarningsOf(DocumentImport import) =>
        JsonSerializer.Deserialize<List<string>>(import.Warnings, Json.Options) ?? [];

    /// <summary>Keeps the reviewer's work between visits (an added row, a failed save).</summary>
    public static async Task KeepDraftAsync(AppDbContext db, Guid id, ReviewForm form, CancellationToken ct)
    {
        var draft = JsonSerializer.Serialize(form, Json.Options);
        await db.DocumentImports.Where(i => i.Id == id && i.Stage == ImportStages.Ready)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Draft, draft), ct);
    }

    public static async Task<bool> DiscardAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.DocumentImports.Where(i => i.Id == id && i.Stage != ImportStages.Saved).ExecuteDeleteAsync(ct) > 0;

    /// <summary>
    /// Writes the directive and every accepted item in one transaction. A directive already on file with
    /// its text is a conflict; one on file only as a citation (no text) is completed, not duplicated.
    /// </summary>
    public static async Task<SaveOutcome> SaveAsync(AppDbContext db, Guid id, ReviewForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new InputErrors();
        var import = await db.DocumentImports.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null)
        {
            return new(null, errors, null, true);
        }

        if (import.Stage != ImportStages.Ready)
        {
            return new(import.DirectiveId, errors, import.Stage == ImportStages.Saved
                ? "Bản nhập này đã được lưu; không lưu lần nữa."
                : "Tệp chưa đọc xong hoặc không đọc được; chưa có gì để lưu.", false);
        }

        form.RefreshAgencies();
        var program = form.Validate(errors);
        var options = await ReviewOptions.LoadAsync(db, import, form, ct);
        var locality = await ChosenLocalityAsync(db, form, options, errors, ct);
        var agencies = await ChosenAgenciesAsync(db, form, options, errors, ct);
        var links = await db.Directives.Where(d => form.References.Select(r => r.LinkTo).Contains(d.Id)).ToListAsync(ct);
        foreach (var (r, i) in form.References.Select((r, i) => (r, i)).Where(x => x.r.Accept && x.r.LinkTo is > 0))
        {
            if (links.All(d => d.Id != r.LinkTo))
            {
                errors.Add($"references[{i}].linkTo", "Không có văn bản này.");
            }
        }

        if (program is null || errors.Any)
        {
            await KeepDraftAsync(db, id, form, ct);
            return new(null, errors, null, false);
        }

        if (options.Duplicate is { } duplicate)
        {
            return new(duplicate.DirectiveId, errors, duplicate.Message, false);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var doc = program.Document;
        var number = doc.Number is null ? null : DirectiveNumber.Parse(doc.Number);
        var directive = options.CompletesCited is { } citedId ? await db.Directives.FirstAsync(d => d.Id == citedId, ct) : new Directive
        {
            Kind = doc.Kind!,
            IssuerName = doc.Issuer!,
            Title = doc.Title!,
        };
        directive.Kind = doc.Kind!;
        directive.IssuerName = doc.Issuer!;
        directive.Title = doc.Title!;
        directive.IssuedOn = doc.IssuedOn;
        directive.Signer = doc.Signer;
        directive.Field = Input.Clean(form.Document.Field);
        directive.LocalityUnit = locality;
        directive.SetNumber(number);
        directive.SetText(import.Text);
        if (directive.Id == 0)
        {
            db.Directives.Add(directive);
        }

        var writer = new ProgramWriter(db);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (written, agency) in agencies)
        {
            if (agency is null)
            {
                continue;
            }

            names[written] = agency.Name;
            writer.Know(agency);
        }

        var newNames = agencies.Where(a => a.Agency is null).Select(a => VietnameseText.MatchKey(a.Written)).ToList();
        foreach (var local in await db.Agencies.Where(a => newNames.Contains(a.NameKey) && a.AdministrativeUnitId == (locality == null ? null : locality.Id)).ToListAsync(ct))
        {
            writer.Know(local, locality);
        }

        var issuerKey = VietnameseText.MatchKey(doc.Issuer!);
        if (await db.Agencies.FirstOrDefaultAsync(a => a.NameKey == issuerKey, ct) is { } issuer)
        {
            writer.Know(issuer);
        }

        var numbers = program.References.Select(r => r.Number).ToList();
        // Several provinces number alike: the one of this document's locality is known last, so it is the one meant.
        var localityId = locality?.Id;
        foreach (var cited in await db.Directives.Where(d => d.Number != null && numbers.Contains(d.Number))
                     .OrderBy(d => d.LocalityUnitId == localityId ? 1 : 0).ThenBy(d => d.Id).ToListAsync(ct))
        {
            writer.Know(cited);
        }

        foreach (var r in form.References.Where(r => r.Accept && r.LinkTo is > 0 && r.Number is not null))
        {
            writer.Know(links.First(d => d.Id == r.LinkTo), r.Number);
        }

        var indicatorKeys = program.Targets.Select(t => VietnameseText.MatchKey(t.Indicator)).Distinct().ToList();
        foreach (var indicator in await db.Indicators.Where(i => indicatorKeys.Contains(i.NameKey)).ToListAsync(ct))
        {
            writer.Know(indicator);
        }

        directive.IssuerAgency ??= writer.AgencyFor(doc.Issuer!, names, locality);
        writer.AddContents(directive, program with { Source = import.FileName }, new ContentReading(names));
        import.Stage = ImportStages.Saved;
        import.Directive = directive;
        import.SavedAt = DateTimeOffset.UtcNow;
        import.Draft = JsonSerializer.Serialize(form, Json.Options);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(null, errors, "Bản nhập này vừa được người khác lưu hoặc hủy; tải lại trang để xem.", false);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new(null, errors, $"Văn bản số {number?.Text} vừa được lưu bởi người khác; không lưu trùng.", false);
        }

        return new(directive.Id, errors, null, false);
    }

    private static async Task<AdministrativeUnit?> ChosenLocalityAsync(AppDbContext db, ReviewForm form, ReviewOptions options, InputErrors errors, CancellationToken ct)
    {
        var id = form.Document.LocalityId ?? options.SuggestedLocality;
        if (id is null or 0)
        {
            return null;
        }

        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            errors.Add("document.localityId", "Không có đơn vị hành chính này.");
        }

        return unit;
    }

    /// <summary>Each written name with the agency chosen for it (null: a new agency of the directive's locality).</summary>
    private static async Task<List<(string Written, Agency? Agency)>> ChosenAgenciesAsync(
        AppDbContext db, ReviewForm form, ReviewOptions options, InputErrors errors, CancellationToken ct)
    {
        var chosen = form.Agencies.Select(a => (Written: a.Written!, Id: a.AgencyId ?? options.SuggestedAgency(a.Written!))).ToList();
        var ids = chosen.Where(c => c.Id > 0).Select(c => c.Id).ToList();
        var found = await db.Agencies.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var result = new List<(string, Agency?)>();
        foreach (var (c, i) in chosen.Select((c, i) => (c, i)))
        {
            if (c.Id > 0 && !found.ContainsKey(c.Id))
            {
                errors.Add($"agencies[{i}].agencyId", $"Không có cơ quan đã chọn cho \"{c.Written}\".");
            }

            result.Add((c.Written, found.GetValueOrDefault(c.Id)));
        }

        return result;
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
