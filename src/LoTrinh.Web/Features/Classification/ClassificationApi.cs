using LoTrinh.Core.Accounts;
using System.Text.Json;
using LoTrinh.Core.Classification;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Classification;

public sealed record ActivateRequest(string? Basis, long? Id);

/// <param name="Subject">The name of what was assessed: the urban area, or the administrative unit.</param>
public sealed record AssessmentView(long Id, long? UrbanAreaId, long? AdministrativeUnitId, string Subject, DateOnly AssessedOn, string AssessedBy, string? Note,
    ResultJson Result)
{
    public AssessmentSubject Of => new(UrbanAreaId, AdministrativeUnitId);
}

/// <summary>A new urban area of the register, with the class it already holds when it has one.</summary>
public sealed record NewUrbanArea(string? Name, long? ProvinceId, long? UnitId, long? FormerUnitId, IReadOnlyList<string>? Regions, bool? Heritage, string? Note,
    ClassInput? Class);

public static class ClassificationApi
{
    private const int MaxSetBytes = 2_000_000;

    public static void MapClassificationApi(this IEndpointRouteBuilder app)
    {
        var sets = app.MapGroup("/api/classification").WithTags("Phân loại đô thị").Requires(Permission.ReadInternal);
        sets.MapGet("/sets", ListSets).WithSummary("Các bộ tiêu chuẩn (dựng sẵn và đã tải lên), phiên bản nào đang dùng.");
        sets.MapGet("/set", GetSet).WithSummary("Tệp JSON của bộ tiêu chuẩn đang dùng cho một cơ sở pháp lý (?basis=111/2025).");
        sets.MapPost("/sets", Upload).Requires(Permission.ManageProgramme).WithSummary("Tải lên một phiên bản bộ tiêu chuẩn (nội dung là tệp JSON); kiểm tra rồi lưu, chưa kích hoạt.")
            .Accepts<JsonElement>("application/json");
        sets.MapPost("/sets/activate", Activate).Requires(Permission.ManageProgramme).WithSummary("Dùng một phiên bản đã tải lên (id), hoặc quay về bộ dựng sẵn (id rỗng).");
        sets.MapPost("/assess", Assess).WithSummary("Chấm điểm không lưu: {basis, class, values, notConsidered, heritage, regions}.");

        var areas = app.MapGroup("/api/urban-areas").WithTags("Phân loại đô thị").Requires(Permission.ReadInternal);
        areas.MapGet("/", ListAreas).WithSummary("Sổ theo dõi đô thị: mọi đô thị (của một tỉnh: ?province=id), loại hiện tại, mục tiêu theo năm, lần đánh giá gần nhất.");
        areas.MapGet("/{id:id}", GetArea).WithSummary("Một đô thị: loại qua các thời kỳ, mục tiêu (như văn bản viết và theo cơ sở đang hiệu lực), lịch sử đánh giá.");
        areas.MapPost("/", AddArea).Requires(Permission.ManageProgramme)
            .WithSummary("Thêm một đô thị vào sổ: tên, tỉnh (provinceId), đơn vị hiện nay (unitId), đơn vị trước sắp xếp (formerUnitId), vùng, loại đã công nhận (class, tùy chọn).");
        areas.MapPost("/import", Import).Requires(Permission.ManageProgramme).DisableAntiforgery()
            .WithSummary("Nhập sổ đô thị từ tệp .xlsx/.csv cùng mẫu với tệp tải về (/Classification?handler=Export): dòng không có Mã thêm đô thị, dòng có Mã sửa; có lỗi thì không ghi gì.")
            .Accepts<IFormFile>("multipart/form-data");
        areas.MapPut("/{id:id}", UpdateArea).Requires(Permission.ManageProgramme)
            .WithSummary("Sửa thông tin một đô thị; gửi kèm version đã đọc (409 nếu người khác đã sửa).");
        areas.MapPost("/{id:id}/classes", AddClass).Requires(Permission.ManageProgramme)
            .WithSummary("Ghi nhận một loại đô thị: loại và cơ sở pháp lý, ngày công nhận và quyết định (hoặc khi chưa rõ, ngày và nguồn cho biết loại).");
        areas.MapPost("/{id:id}/retire", Retire).Requires(Permission.ManageProgramme)
            .WithSummary("Thôi theo dõi một đô thị từ một ngày (sáp nhập, không còn là đô thị), có lý do; không còn được đếm từ ngày đó.");
        areas.MapGet("/{id:id}/prefill", (long id, string? basis, string? @class, AppDbContext db, CancellationToken ct) => Prefill(AssessmentSubject.Area(id), basis, @class, db, ct)).WithSummary("Giá trị gợi ý cho từng tiêu chuẩn, từ số liệu mới nhất của các chỉ số gắn với tiêu chuẩn.");
        areas.MapPost("/{id:id}/assessments", (long id, JsonElement body, AppDbContext db, CancellationToken ct) => SaveAssessment(AssessmentSubject.Area(id), body, db, ct))
            .Requires(Permission.ManageProgramme).WithSummary("Chấm điểm và lưu một lần đánh giá.");
        var units = app.MapGroup("/api/units/{id:id}").WithTags("Phân loại đô thị").Requires(Permission.ReadInternal);
        units.MapGet("/assessments", (long id, AppDbContext db, CancellationToken ct) => UnitAssessments(id, db, ct))
            .WithSummary("Các lần đánh giá một đơn vị hành chính theo tiêu chuẩn đơn vị hành chính (1211/2016, 76/2025, 112/2025).");
        units.MapGet("/prefill", (long id, string? basis, string? @class, AppDbContext db, CancellationToken ct) => Prefill(AssessmentSubject.Unit(id), basis, @class, db, ct))
            .WithSummary("Giá trị gợi ý cho từng tiêu chuẩn, từ số liệu mới nhất của chính đơn vị (hoặc đơn vị trước sắp xếp, không lớn hơn).");
        units.MapPost("/assessments", (long id, JsonElement body, AppDbContext db, CancellationToken ct) => SaveAssessment(AssessmentSubject.Unit(id), body, db, ct))
            .Requires(Permission.ManageProgramme).WithSummary("Đánh giá và lưu: một đơn vị hành chính theo tiêu chuẩn của loại đơn vị (basis, class là loại đơn vị, values).");
        app.MapGet("/api/assessments/compare", Compare).Requires(Permission.ReadInternal).WithTags("Phân loại đô thị")
            .WithSummary("So sánh hai lần đánh giá của cùng một đô thị hay đơn vị hành chính (a, b): tổng điểm, nhóm, các tiêu chuẩn tốt lên, kém đi hay đổi số liệu.");
        app.MapGet("/api/targets/{id:id}/urban-areas", CountForTarget).Requires(Permission.ReadInternal).WithTags("Phân loại đô thị")
            .WithSummary("Số liệu của một chỉ tiêu về số đô thị (Số đô thị loại …) lấy từ sổ đô thị đến ngày asOf: bao nhiêu, những đô thị nào, đô thị nào đã đánh giá đạt loại đó.");
        app.MapGet("/api/assessments/{id:id}", GetAssessment).Requires(Permission.ReadInternal).WithTags("Phân loại đô thị").WithSummary("Một lần đánh giá đã lưu, với kết quả như đã tính hôm đó.");
    }

    private static async Task<Ok<IReadOnlyList<CriteriaSetRow>>> ListSets(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await CriteriaSetStore.ListAsync(db, ct));

    private static async Task<Results<ContentHttpResult, NotFound<ProblemDetails>>> GetSet(AppDbContext db, string? basis, CancellationToken ct)
    {
        var set = basis is null ? null : await CriteriaSetStore.FindAsync(db, basis, ct);
        if (set is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Không có cơ sở pháp lý này.", Detail = $"basis={basis}", Status = 404 });
        }

        var uploaded = await db.CriteriaSets.Where(c => c.Basis == set.Basis && c.Active).Select(c => c.Content).FirstOrDefaultAsync(ct);
        return TypedResults.Content(uploaded ?? CriteriaSetReader.BuiltInText(set.Basis), "application/json; charset=utf-8");
    }

    private static async Task<Results<Created<CriteriaSetRow>, ValidationProblem>> Upload(HttpRequest request, AppDbContext db, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (request.ContentLength > MaxSetBytes)
        {
            errors.Add("content", "Tệp lớn hơn 2 MB; không phải một bộ tiêu chuẩn.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        using var reader = new StreamReader(request.Body);
        var content = await reader.ReadToEndAsync(ct);
        var (version, problems) = await CriteriaSetStore.UploadAsync(db, content, db.Viewer.Name, ct);
        if (version is null)
        {
            foreach (var p in problems)
            {
                errors.Add("content", p);
            }

            return errors.Problem();
        }

        var row = (await CriteriaSetStore.ListAsync(db, ct)).Single(r => r.Id == version.Id);
        return TypedResults.Created($"/api/classification/set?basis={Uri.EscapeDataString(version.Basis)}", row);
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound<ProblemDetails>>> Activate(ActivateRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new InputErrors();
        var basis = errors.Required("basis", body.Basis);
        if (basis is not null && CriteriaSetReader.BuiltIn.All(s => s.Basis != basis) && !await db.CriteriaSets.AnyAsync(c => c.Basis == basis, ct))
        {
            errors.Add("basis", $"Không có cơ sở pháp lý '{basis}'.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        return await CriteriaSetStore.ActivateAsync(db, basis!, body.Id, ct)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new ProblemDetails { Title = "Không có phiên bản này của cơ sở pháp lý.", Status = 404 });
    }

    private static async Task<Results<Ok<ResultJson>, ValidationProblem>> Assess(JsonElement body, AppDbContext db, CancellationToken ct)
    {
        var errors = new InputErrors();
        var (input, problem) = ClassificationInput.FromJson(body.GetRawText());
        if (input is null)
        {
            errors.Add("body", problem!);
            return errors.Problem();
        }

        var set = await CriteriaSetStore.FindAsync(db, input.Basis, ct);
        if (set is null)
        {
            errors.Add("basis", $"Không có cơ sở pháp lý '{input.Basis}'.");
            return errors.Problem();
        }

        foreach (var p in Classifier.Check(set, input))
        {
            errors.Add(p.Field, p.Message);
        }

        return errors.Any ? errors.Problem() : TypedResults.Ok(ResultJson.From(Classifier.Assess(set, input)));
    }

    private static async Task<Ok<IReadOnlyList<UrbanAreaRow>>> ListAreas(AppDbContext db, TimeProvider time, long? province, CancellationToken ct) =>
        TypedResults.Ok(await UrbanAreas.ListAsync(db, Clock.Today(time), ct, province));

    private static async Task<Results<Created<UrbanAreaDetails>, ValidationProblem>> AddArea(NewUrbanArea? body, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        body ??= new(null, null, null, null, null, null, null, null);
        var today = Clock.Today(time);
        var input = new UrbanAreaInput(body.Name, body.ProvinceId, body.UnitId, body.FormerUnitId, body.Regions, body.Heritage, body.Note, 0);
        var (added, errors) = await Register.AddAsync(db, input, body.Class, today, ct);
        return added is null
            ? errors.Problem()
            : TypedResults.Created($"/api/urban-areas/{added.Id}", (await Edits.ReadBackAsync(() => UrbanAreas.LoadAsync(db, added.Id, today, ct)))!);
    }

    private static async Task<Results<Ok<RegisterImportResult>, BadRequest<RegisterImportResult>>> Import(HttpRequest request, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        var result = await RegisterWorkbook.ImportFileAsync(db, file, Clock.Today(time), ct);
        return result.Problems.Count > 0 ? TypedResults.BadRequest(result) : TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<UrbanAreaDetails>, ValidationProblem, ProblemHttpResult, NotFound>> UpdateArea(
        long id, UrbanAreaInput? body, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        if (await Register.UpdateAsync(db, id, body ?? new(null, null, null, null, null, null, null, null), today, ct) is not { } errors)
        {
            return TypedResults.NotFound();
        }

        var current = await UrbanAreas.LoadAsync(db, id, today, ct);
        return errors.IsConflict ? errors.ConflictProblem(current) : errors.Any ? errors.Problem() : TypedResults.Ok(current!);
    }

    private static async Task<Results<Created<UrbanAreaDetails>, ValidationProblem, NotFound>> AddClass(long id, ClassInput? body, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        if (await Register.AddClassAsync(db, id, body ?? new(null, null, null, null, null, null), today, ct) is not { } errors)
        {
            return TypedResults.NotFound();
        }

        return errors.Any ? errors.Problem() : TypedResults.Created($"/api/urban-areas/{id}", (await Edits.ReadBackAsync(() => UrbanAreas.LoadAsync(db, id, today, ct)))!);
    }

    private static async Task<Results<Ok<UrbanAreaDetails>, ValidationProblem, ProblemHttpResult, NotFound>> Retire(
        long id, RetireInput? body, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        if (await Register.RetireAsync(db, id, body ?? new(null, null, null), today, ct) is not { } errors)
        {
            return TypedResults.NotFound();
        }

        var current = await UrbanAreas.LoadAsync(db, id, today, ct);
        return errors.IsConflict ? errors.ConflictProblem(current) : errors.Any ? errors.Problem() : TypedResults.Ok(current!);
    }

    private static async Task<Results<Ok<AssessmentComparison>, ValidationProblem>> Compare(long? a, long? b, AppDbContext db, CancellationToken ct)
    {
        var (comparison, errors) = await CompareAsync(db, a, b, ct);
        return comparison is null ? errors.Problem() : TypedResults.Ok(comparison);
    }

    /// <summary>Two assessments of the same area compared; the fields at fault otherwise.</summary>
    public static async Task<(AssessmentComparison? Comparison, InputErrors Errors)> CompareAsync(AppDbContext db, long? a, long? b, CancellationToken ct)
    {
        var errors = new InputErrors();
        var first = a is { } ida ? await GetAssessmentView(db, ida, ct) : null;
        var second = b is { } idb ? await GetAssessmentView(db, idb, ct) : null;
        if (first is null)
        {
            errors.Add("a", a is null ? "Chọn hai lần đánh giá để so sánh." : $"Không có lần đánh giá {a}.");
        }

        if (second is null)
        {
            errors.Add("b", b is null ? "Chọn hai lần đánh giá để so sánh." : $"Không có lần đánh giá {b}.");
        }

        if (first is not null && second is not null && first.Of != second.Of)
        {
            errors.Add("b", $"Hai lần đánh giá của hai nơi khác nhau ({first.Subject}, {second.Subject}); chỉ so sánh được các lần đánh giá của cùng một đô thị hay đơn vị.");
        }

        if (first is not null && second is not null && first.Id == second.Id)
        {
            errors.Add("b", "Chọn hai lần đánh giá khác nhau.");
        }

        return errors.Any ? (null, errors) : (AssessmentComparison.Of(first!, second!), errors);
    }

    private static async Task<Results<Ok<RegisterCountView>, ValidationProblem, NotFound<ProblemDetails>>> CountForTarget(
        long id, string? asOf, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var day = errors.Date("asOf", asOf) ?? Clock.Today(time);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var target = await db.Targets.Where(t => t.Id == id)
            .Select(t => new { t.AdministrativeUnitId, t.Indicator.CountsUrbanAreas, t.Indicator.CountsClass, t.Indicator.CountsBasis }).FirstOrDefaultAsync(ct);
        if (target is not { CountsUrbanAreas: true, AdministrativeUnitId: { } unit })
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Title = target is null ? "Không có chỉ tiêu này." : "Chỉ tiêu này không đếm đô thị trong sổ.",
                Status = 404,
            });
        }

        return TypedResults.Ok(await RegisterCounts.CountAsync(db, unit, target.CountsClass, target.CountsBasis, day, ct));
    }

    private static async Task<Results<Ok<UrbanAreaDetails>, NotFound>> GetArea(long id, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await UrbanAreas.LoadAsync(db, id, Clock.Today(time), ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyDictionary<string, PrefillValue>>, ValidationProblem>> Prefill(AssessmentSubject subject, string? basis, string? @class, AppDbContext db, CancellationToken ct)
    {
        var errors = new InputErrors();
        var set = basis is null ? null : await CriteriaSetStore.FindAsync(db, basis, ct);
        if (set is null)
        {
            errors.Add("basis", $"Không có cơ sở pháp lý '{basis}'.");
        }
        else if (@class is null || set.FindClass(@class) is null)
        {
            errors.Add("class", $"Cơ sở {set.Basis} không có lớp '{@class}'.");
        }

        return errors.Any ? errors.Problem() : TypedResults.Ok(await UrbanAreas.PrefillAsync(db, subject, set!, @class!, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<AssessmentRow>>, NotFound>> UnitAssessments(long id, AppDbContext db, CancellationToken ct) =>
        await db.Units.AnyAsync(u => u.Id == id, ct) ? TypedResults.Ok(await UrbanAreas.UnitAssessmentsAsync(db, id, ct)) : TypedResults.NotFound();

    private static async Task<Results<Created<AssessmentView>, ValidationProblem, NotFound>> SaveAssessment(AssessmentSubject subject, JsonElement body, AppDbContext db, CancellationToken ct)
    {
        if (subject.AreaId is { } area ? !await db.UrbanAreas.AnyAsync(a => a.Id == area, ct) : !await db.Units.AnyAsync(u => u.Id == subject.UnitId, ct))
        {
            return TypedResults.NotFound();
        }

        var errors = new InputErrors();
        var (input, problem) = ClassificationInput.FromJson(body.GetRawText());
        if (input is null)
        {
            errors.Add("body", problem!);
            return errors.Problem();
        }

        string? Text(string name) => body.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        var request = new AssessmentRequest(input.Basis, input.Class, Text("assessedOn"), Text("assessedBy"), input.Values, input.NotConsidered, input.Heritage,
            input.Regions, Text("note"));
        var (saved, saveErrors) = await UrbanAreas.AssessAsync(db, subject, request, ct);
        if (saved is null)
        {
            return saveErrors.Problem();
        }

        var view = await Edits.ReadBackAsync(() => GetAssessmentView(db, saved.Id, ct));
        return TypedResults.Created($"/api/assessments/{saved.Id}", view!);
    }

    private static async Task<Results<Ok<AssessmentView>, NotFound>> GetAssessment(long id, AppDbContext db, CancellationToken ct) =>
        await GetAssessmentView(db, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<AssessmentView?> GetAssessmentView(AppDbContext db, long id, CancellationToken ct) =>
        await UrbanAreas.FindAssessmentAsync(db, id, ct) is { } found
            ? new AssessmentView(found.Assessment.Id, found.Assessment.UrbanAreaId, found.Assessment.AdministrativeUnitId, found.SubjectName,
                found.Assessment.AssessedOn, found.Assessment.AssessedBy, found.Assessment.Note, found.Result)
            : null;
}
