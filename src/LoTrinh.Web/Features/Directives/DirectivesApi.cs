using LoTrinh.Core.Accounts;
using LoTrinh.Core.Agencies;
using LoTrinh.Core.Documents;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Directives;

public sealed record LinkView(string Relation, long DirectiveId, string Number);

public sealed record DirectiveRow(
    long Id, string? Number, string Kind, string Issuer, DateOnly? IssuedOn, string Title, bool TextOnFile,
    IReadOnlyList<LinkView> Links);

/// <summary>A directive as a picker shows it: number, issuer and date tell two provinces' "29-CTr/TU" apart.</summary>
public sealed record DirectiveOption(long Id, string Label)
{
    public static string LabelOf(string? number, string kind, string issuer, DateOnly? issuedOn) =>
        $"{number ?? kind} — {issuer}{(issuedOn is { } i ? $", {i:dd/MM/yyyy}" : "")}";
}

public sealed record DirectiveInput(string? Number, string? Kind, string? Issuer, string? IssuedOn, string? Title, string? Text);

public sealed record LinkInput(string? To, string? Relation);

/// <summary>Published is required: a body that omits it changes nothing (it is not read as false).</summary>
public sealed record PublishInput(bool? Published);

public static class DirectivesApi
{
    public static void MapDirectivesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/directives").WithTags("Văn bản");
        group.MapGet("/", List).AllowAnonymous()
            .WithSummary("Các văn bản chỉ đạo và liên kết giữa chúng (tìm theo số hiệu, trích yếu; loại; văn bản thực hiện văn bản implements), "
                + "theo trang (page, pageSize ≤ 1000), tổng số ở X-Total-Count.");
        group.MapGet("/options", Options).AllowAnonymous()
            .WithSummary("Văn bản có số hiệu, trích yếu hoặc cơ quan ban hành chứa q, mới nhất trước (tối đa 30): cho ô chọn văn bản.");
        group.MapGet("/{id:id}", Get).AllowAnonymous();
        group.MapPost("/", Create).Requires(Permission.ManageProgramme).WithSummary("Đăng ký một văn bản.");
        group.MapPost("/{id:id}/publish", Publish).Requires(Permission.ManageProgramme)
            .WithSummary("Công bố (published: true) hay thôi công bố một văn bản: người chưa đăng nhập chỉ đọc được văn bản đã công bố.");
        group.MapPost("/{id:id}/links", AddLink).Requires(Permission.ManageProgramme).WithSummary("Liên kết văn bản này với văn bản khác (thực hiện, viện dẫn, sửa đổi, thay thế).");
    }

    /// <summary>
    /// Finds a directive by id or number: (null, null) when none was asked for, a problem to show when none
    /// or several match — a number is unique per issuer, so two provinces' "29-CTr/TU" are both found and listed.
    /// </summary>
    public static async Task<(long? Id, string? Problem)> FindAsync(AppDbContext db, string? idOrNumber, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idOrNumber))
        {
            return (null, null);
        }

        if (long.TryParse(idOrNumber, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return await db.Directives.AnyAsync(d => d.Id == id, ct) ? (id, null) : (null, $"Không tìm thấy văn bản mã {id}.");
        }

        var number = DirectiveNumber.TryParse(idOrNumber, out var parsed, out _) ? parsed.Text : idOrNumber.Trim();
        var matches = await db.Directives.AsNoTracking().Where(d => d.Number == number).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.IssuerName }).Take(11).ToListAsync(ct);
        return matches.Count switch
        {
            0 => (null, $"Không tìm thấy văn bản \"{idOrNumber}\"."),
            1 => (matches[0].Id, null),
            _ => (null, $"Có nhiều văn bản số {number}: "
                + string.Join("; ", matches.Take(10).Select(m => $"{m.IssuerName} (mã {m.Id})"))
                + (matches.Count > 10 ? "; …" : string.Empty) + ". Hãy dùng mã văn bản."),
        };
    }

    /// <summary>One page of the directives matching, in the order they were issued, and how many match.</summary>
    public static async Task<(IReadOnlyList<DirectiveRow> Rows, int Total)> QueryAsync(
        AppDbContext db, string? q, string? kind, long? implements, int page, int size, CancellationToken ct)
    {
        var query = db.Directives.AsNoTracking();
        if (implements is { } parent)
        {
            query = query.Where(d => d.Links.Any(l => l.ToDirectiveId == parent && l.Relation == DirectiveRelations.Implements));
        }

        if (Input.Clean(q) is { } text)
        {
            var pattern = $"%{text}%";
            query = query.Where(d => EF.Functions.ILike(d.Title, pattern) || (d.Number != null && EF.Functions.ILike(d.Number, pattern)));
        }

        if (Input.Clean(kind) is { } k)
        {
            query = query.Where(d => d.Kind == k);
        }

        var rows = await query
            .OrderBy(d => d.IssuedOn == null).ThenBy(d => d.IssuedOn).ThenBy(d => d.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(d => new DirectiveRow(d.Id, d.Number, d.Kind, d.IssuerName, d.IssuedOn, d.Title, d.FullText != null,
                d.Links.OrderBy(l => l.Id)
                    .Select(l => new LinkView(l.Relation, l.ToDirectiveId, l.To.Number ?? l.To.Title)).ToList()))
            .ToListAsync(ct);
        return (rows, await query.CountAsync(ct));
    }

    private static async Task<Ok<IReadOnlyList<DirectiveRow>>> List(
        AppDbContext db, HttpResponse response, string? q, string? kind, long? implements, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Input.Paging(page, pageSize, 100);
        // Kept until a directive or a link changes: the public's list is read far more often than it is written.
        var kept = await db.CachedAsync($"directives:{q}|{kind}|{implements}|{p}|{size}", [FiguresCache.Tasks],
            async () =>
            {
                var (rows, total) = await QueryAsync(db, q, kind, implements, p, size, ct);
                return new DirectivePage(rows, total);
            }, ct);
        response.SetTotal(kept.Total);
        return TypedResults.Ok(kept.Rows);
    }

    private sealed record DirectivePage(IReadOnlyList<DirectiveRow> Rows, int Total) : IWeighed
    {
        public int RowCount => Rows.Count;
    }

    private const int PickerSize = 30;

    private static async Task<Ok<IReadOnlyList<DirectiveOption>>> Options(AppDbContext db, string? q, CancellationToken ct)
    {
        var query = db.Directives.AsNoTracking();
        if (Input.Clean(q) is { } text)
        {
            var pattern = $"%{text}%";
            query = query.Where(d => (d.Number != null && EF.Functions.ILike(d.Number, pattern)) || EF.Functions.ILike(d.Title, pattern)
                || EF.Functions.ILike(d.IssuerName, pattern));
        }

        return TypedResults.Ok(await OptionsAsync(query.OrderBy(d => d.IssuedOn == null).ThenByDescending(d => d.IssuedOn).ThenBy(d => d.Id).Take(PickerSize), ct));
    }

    public static async Task<IReadOnlyList<DirectiveOption>> OptionsAsync(IQueryable<Directive> directives, CancellationToken ct) =>
        [.. (await directives.AsNoTracking().Select(d => new { d.Id, d.Number, d.Kind, d.IssuerName, d.IssuedOn }).ToListAsync(ct))
            .Select(d => new DirectiveOption(d.Id, DirectiveOption.LabelOf(d.Number, d.Kind, d.IssuerName, d.IssuedOn)))];

    private static async Task<Results<Ok<DirectiveDetails>, NotFound>> Get(long id, AppDbContext db, CancellationToken ct) =>
        await DirectiveDetails.LoadAsync(db, id, ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    /// <summary>Validates and writes a new directive; shared by the page and the API.</summary>
    public static async Task<(long? Id, InputErrors Errors)> CreateAsync(AppDbContext db, DirectiveInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        DirectiveNumber? number = null;
        if (!string.IsNullOrWhiteSpace(input.Number))
        {
            if (DirectiveNumber.TryParse(input.Number, out var parsed, out var problem))
            {
                number = parsed;
                // Unique for its issuer: another province's document may bear the same number.
                var issuers = await db.Directives.Where(d => d.Number == parsed.Text).Select(d => d.IssuerName).ToListAsync(ct);
                if (issuers.FirstOrDefault(i => AgencyMatcher.MaySameIssuer(i, input.Issuer ?? string.Empty)) is { } same)
                {
                    errors.Add("number", $"Văn bản số {parsed.Text} của {same} đã có trong hệ thống.");
                }
            }
            else
            {
                errors.Add("number", problem);
            }
        }

        var kind = errors.Required("kind", input.Kind ?? DirectiveKinds.FromCode(number?.KindCode));
        var issuer = errors.Required("issuer", input.Issuer);
        var title = errors.Required("title", input.Title);
        var issuedOn = errors.Date("issuedOn", input.IssuedOn);
        if (errors.Any)
        {
            return (null, errors);
        }

        var directive = new Directive { Kind = kind!, IssuerName = issuer!, Title = title!, IssuedOn = issuedOn };
        directive.SetNumber(number);
        directive.SetText(string.IsNullOrWhiteSpace(input.Text) ? null : input.Text);
        db.Directives.Add(directive);
        await db.SaveChangesAsync(ct);
        return (directive.Id, errors);
    }

    private static async Task<Results<Created<DirectiveDetails>, ValidationProblem>> Create(DirectiveInput input, AppDbContext db, CancellationToken ct)
    {
        var (id, errors) = await CreateAsync(db, input, ct);
        return id is { } created
            ? TypedResults.Created($"/api/directives/{created}", await Edits.ReadBackAsync(() => DirectiveDetails.LoadAsync(db, created, ct)))
            : errors.Problem();
    }

    /// <summary>Publishes or withdraws a directive; false when there is no such directive.</summary>
    public static async Task<bool> PublishAsync(AppDbContext db, long id, bool published, CancellationToken ct)
    {
        var directive = await db.Directives.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (directive is null)
        {
            return false;
        }

        directive.Published = published;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Publish(long id, PublishInput input, AppDbContext db, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (errors.Flag("published", input.Published) is not { } published)
        {
            return errors.Problem();
        }

        return await PublishAsync(db, id, published, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<Results<Created, NotFound, ValidationProblem>> AddLink(long id, LinkInput input, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Directives.AnyAsync(d => d.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var errors = new InputErrors();
        var (to, toProblem) = await FindAsync(db, input.To, ct);
        if (to is null)
        {
            errors.Add("to", toProblem ?? "Cần chọn văn bản được liên kết.");
        }
        else if (to == id)
        {
            errors.Add("to", "Một văn bản không liên kết với chính nó.");
        }

        if (input.Relation is not { } relation || !DirectiveRelations.All.Contains(relation))
        {
            errors.Add("relation", $"Quan hệ phải là một trong: {string.Join(", ", DirectiveRelations.All)}.");
        }
        else if (to > 0 && await db.DirectiveLinks.AnyAsync(l => l.FromDirectiveId == id && l.ToDirectiveId == to && l.Relation == relation, ct))
        {
            errors.Add("to", "Liên kết này đã có.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        db.DirectiveLinks.Add(new DirectiveLink { FromDirectiveId = id, ToDirectiveId = to!.Value, Relation = input.Relation! });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/directives/{id}");
    }
}

public sealed record ObjectiveView(int? Horizon, string Text, string? Section);

public sealed record DirectiveDetails(
    long Id, string? Number, string Kind, string Issuer, string? Signer, DateOnly? IssuedOn, DateOnly? EffectiveOn, string? Field,
    string Title, string? Locality, string? FullText, IReadOnlyList<Section> Outline,
    IReadOnlyList<LinkView> Links, IReadOnlyList<LinkView> LinkedFrom, IReadOnlyList<ObjectiveView> Objectives, bool Published)
{
    public static async Task<DirectiveDetails?> LoadAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var d = await db.Directives.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id,
                x.Number,
                x.Kind,
                x.IssuerName,
                x.Signer,
                x.IssuedOn,
                x.EffectiveOn,
                x.Field,
                x.Title,
                Locality = x.LocalityUnit == null ? null : x.LocalityUnit.Name,
                x.FullText,
                x.Published,
                Links = x.Links.Select(l => new LinkView(l.Relation, l.ToDirectiveId, l.To.Number ?? l.To.Title)).ToList(),
                Objectives = x.Objectives.OrderBy(o => o.HorizonYear == null).ThenBy(o => o.HorizonYear).ThenBy(o => o.Id)
                    .Select(o => new ObjectiveView(o.HorizonYear, o.Text, o.Section)).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (d is null)
        {
            return null;
        }

        var linkedFrom = await db.DirectiveLinks.AsNoTracking().Where(l => l.ToDirectiveId == id)
            .Select(l => new LinkView(l.Relation, l.FromDirectiveId, l.From.Number ?? l.From.Title)).ToListAsync(ct);
        // Shown as the import shows it: repaired (no Markdown marks, no hard breaks inside sentences), the outline read
        // from that, so headings are whole lines. The text on file stays as it was written.
        var text = d.FullText is null ? null : LoTrinh.Core.Extraction.DirectiveText.Normalise(d.FullText).Text;
        return new DirectiveDetails(d.Id, d.Number, d.Kind, d.IssuerName, d.Signer, d.IssuedOn, d.EffectiveOn, d.Field, d.Title,
            d.Locality, text, text is null ? [] : LoTrinh.Core.Documents.Outline.Read(text), d.Links, linkedFrom, d.Objectives, d.Published);
    }
}
