using LoTrinh.Core.Accounts;
using LoTrinh.Core.Deadlines;
using LoTrinh.Core.Tasks;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Directives;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Tasks;

public sealed record TaskInput(string? Directive, string? Section, string? Text, string? Lead, IReadOnlyList<string>? Cooperating, string? Deadline);

/// <summary>An edit of a task; Version is the one read (GET gives it), so a save over someone else's newer save is refused.</summary>
public sealed record TaskEditInput(string? Text, string? Section, string? Lead, IReadOnlyList<string>? Cooperating, string? Deadline, uint? Version);

public sealed record ProgressInput(string? ReportedOn, string? Text, int? Percent);

public sealed record CompletionInput(string? On);

public sealed record DeadlineParseView(DateOnly? Due, string Precision, bool Exclusive, string Text);

public static class TasksApi
{
    public static void MapTasksApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("Nhiệm vụ");
        tasks.MapGet("/", List).Requires(Permission.ReadInternal).WithSummary("Nhiệm vụ và tình trạng tại một ngày (asOf), lọc theo tình trạng, cơ quan, văn bản, địa bàn (locality: mã số đơn vị hành chính); "
            + "sắp xếp (sort): directive — theo văn bản (mặc định), due — thời hạn sớm nhất trước, due_desc — thời hạn muộn nhất trước.");
        tasks.MapGet("/{id:id}", Get).Requires(Permission.ReadInternal);
        tasks.MapGet("/options", Options).Requires(Permission.ReadInternal)
            .WithSummary("Tìm nhiệm vụ để chọn (q: mã hoặc chữ trong nội dung, số văn bản): 20 kết quả đầu.");
        tasks.MapPost("/", Create).Requires(Permission.ManageProgramme).WithSummary("Giao một nhiệm vụ mới theo một văn bản.");
        tasks.MapGet("/unassigned", Unassigned).Requires(Permission.ManageProgramme)
            .WithSummary("Nhiệm vụ cần phân công: chưa có cơ quan chủ trì, chưa có thời hạn, hoặc cơ quan chủ trì đã giải thể (lọc theo văn bản, mục).");
        tasks.MapPost("/assign", Assign).Requires(Permission.ManageProgramme)
            .WithSummary("Phân công nhiều nhiệm vụ một lần: chủ trì (hoặc cơ quan mới), phối hợp, thời hạn, văn bản phân công và lý do.");
        tasks.MapPut("/{id:id}", Update).Requires(Permission.ManageProgramme)
            .WithSummary("Sửa nội dung, thời hạn, cơ quan chủ trì và phối hợp của một nhiệm vụ; 409 khi đã có người sửa sau lần đọc (version).");
        tasks.MapDelete("/{id:id}", Delete).Requires(Permission.ManageProgramme).WithSummary("Xóa một nhiệm vụ (xóa mềm: lịch sử giữ lại, ghi ai xóa).");
        tasks.MapPost("/{id:id}/restore", Restore).Requires(Permission.ManageProgramme).WithSummary("Khôi phục một nhiệm vụ đã xóa.");
        tasks.MapPost("/{id:id}/progress", AddProgress).Requires(Permission.ReportProgress).WithSummary("Báo cáo tiến độ một nhiệm vụ.");
        tasks.MapPost("/{id:id}/complete", Complete).Requires(Permission.ReportProgress).WithSummary("Ghi nhận hoàn thành nhiệm vụ.");
        app.MapGet("/api/deadlines/parse", ParseDeadline).AllowAnonymous().WithTags("Nhiệm vụ")
            .WithSummary("Đọc một thời hạn viết bằng lời (\"Quý II/2022\") thành ngày đến hạn và độ chính xác.");
    }

    private static async Task<Ok<IReadOnlyList<Directives.DirectiveOption>>> Options(AppDbContext db, string? q, CancellationToken ct)
    {
        var query = db.Tasks.AsNoTracking();
        if (Input.Clean(q) is { } text)
        {
            var pattern = $"%{text.Replace("%", "", StringComparison.Ordinal)}%";
            query = long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? query.Where(t => t.Id == id)
                : query.Where(t => EF.Functions.ILike(t.Text, pattern) || (t.Directive.Number != null && EF.Functions.ILike(t.Directive.Number, pattern)));
        }

        var rows = await query.OrderBy(t => t.DirectiveId).ThenBy(t => t.Id).Take(20)
            .Select(t => new { t.Id, t.Text, t.Directive.Number }).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<Directives.DirectiveOption>>([.. rows.Select(t =>
            new Directives.DirectiveOption(t.Id, $"#{t.Id} {(t.Number is null ? "" : t.Number + ": ")}{(t.Text.Length > 120 ? t.Text[..120] + "…" : t.Text)}"))]);
    }

    private static async Task<Results<Ok<IReadOnlyList<TaskRow>>, ValidationProblem>> List(
        AppDbContext db, TimeProvider time, HttpResponse response, string? asOf, string? status, string? agency, string? directive,
        long? locality, string? sort, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var (filter, errors) = await FilterAsync(db, time, asOf, status, agency, directive, locality, sort, q, ct);
        if (filter is null)
        {
            return errors.Problem();
        }

        var (p, size) = Input.Paging(page, pageSize, Input.MaxPageSize);
        var (rows, total) = await TaskBoard.PageAsync(db, filter, p, size, ct);
        response.SetTotal(total);
        return TypedResults.Ok(rows);
    }

    /// <summary>The list's filter from the query's words, or every problem by field (the list and its export read the same).</summary>
    public static async Task<(TaskFilter? Filter, InputErrors Errors)> FilterAsync(
        AppDbContext db, TimeProvider time, string? asOf, string? status, string? agency, string? directive, long? locality, string? sort, string? q, CancellationToken ct)
    {
        var errors = new InputErrors();
        var day = errors.Date("asOf", asOf) ?? time.Today();
        TaskStatusClass? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (TaskStatusClassNames.TryParseCode(status.Trim(), out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("status", $"Không có tình trạng \"{status}\". Chọn: {string.Join(", ", Enum.GetValues<TaskStatusClass>().Select(s => s.Code()))}.");
            }
        }

        var (agencyId, agencyProblem) = await TaskBoard.FindAgencyAsync(db, agency, ct);
        if (agencyProblem is not null)
        {
            errors.Add("agency", agencyProblem);
        }

        var (directiveId, directiveProblem) = await DirectivesApi.FindAsync(db, directive, ct);
        if (directiveProblem is not null)
        {
            errors.Add("directive", directiveProblem);
        }

        if (locality is { } unit && !await db.Units.AnyAsync(u => u.Id == unit, ct))
        {
            errors.Add("locality", $"Không có đơn vị hành chính mã {unit}.");
        }

        var order = TaskOrders.Parse(sort);
        if (order is null)
        {
            errors.Add("sort", $"Không có cách sắp xếp \"{sort}\". Chọn: {string.Join(", ", Enum.GetValues<TaskOrder>().Select(o => o.Code()))}.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        return (new TaskFilter(day, wanted, agencyId, directiveId, q, LocalityId: locality, Sort: order!.Value), errors);
    }

    private static async Task<Results<Ok<TaskDetails>, NotFound, ValidationProblem>> Get(
        long id, string? asOf, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var day = errors.Date("asOf", asOf) ?? time.Today();
        if (errors.Any)
        {
            return errors.Problem();
        }

        var details = await TaskDetails.LoadAsync(db, id, day, ct);
        return details is null ? TypedResults.NotFound() : TypedResults.Ok(details);
    }

    private static async Task<Results<Created<TaskDetails>, ValidationProblem>> Create(
        TaskInput input, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var (directiveId, directiveProblem) = await DirectivesApi.FindAsync(db, input.Directive, ct);
        if (directiveId is null)
        {
            errors.Add("directive", directiveProblem ?? "Cần chọn văn bản giao nhiệm vụ.");
        }

        var year = directiveId is > 0
            ? await db.Directives.Where(d => d.Id == directiveId).Select(d => d.IssuedOn).FirstAsync(ct)
            : null;
        var (text, deadline, agencies) = await ReadAsync(db, errors, input.Text, input.Lead, input.Cooperating, input.Deadline, year?.Year, ct);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var task = new TaskItem { DirectiveId = directiveId!.Value, Section = Input.Clean(input.Section), Text = text! };
        task.SetDeadline(deadline);
        task.Agencies.AddRange(agencies.Select((a, i) => new TaskAgency { AgencyId = a.Id, Role = a.Role, Ordinal = i }));
        db.Tasks.Add(task);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/tasks/{task.Id}", await Edits.ReadBackAsync(() => TaskDetails.LoadAsync(db, task.Id, time.Today(), ct)));
    }

    /// <summary>The text, deadline and agencies of a task as a person wrote them, read once for creating and editing.</summary>
    private static async Task<(string? Text, Deadline? Deadline, List<(long Id, string Role)> Agencies)> ReadAsync(
        AppDbContext db, InputErrors errors, string? textInput, string? lead, IReadOnlyList<string>? cooperating, string? deadlineInput, int? year,
        CancellationToken ct)
    {
        var text = errors.Required("text", textInput);
        Deadline? deadline = null;
        if (Input.Clean(deadlineInput) is { } deadlineText)
        {
            var parsed = DeadlineParser.Parse(deadlineText, year);
            if (parsed.Error is { } problem)
            {
                errors.Add("deadline", problem);
            }

            deadline = parsed.Deadline;
        }

        var agencies = new List<(long Id, string Role)>();
        async Task AddAgency(string field, string? name, string role)
        {
            if (Input.Clean(name) is not { } clean)
            {
                return;
            }

            var (found, problem) = await TaskBoard.FindAgencyAsync(db, clean, ct);
            if (found is null)
            {
                errors.Add(field, problem!);
            }
            else if (agencies.All(a => a.Id != found))
            {
                agencies.Add((found.Value, role));
            }
        }

        await AddAgency("lead", lead, TaskRoles.Lead);
        foreach (var name in cooperating ?? [])
        {
            await AddAgency("cooperating", name, TaskRoles.Cooperating);
        }

        return (text, deadline, agencies);
    }

    /// <summary>
    /// Edits a task as read at <see cref="TaskEditInput.Version"/>; null when the task does not exist (or is out of
    /// scope). A save over a newer one is refused (<see cref="InputErrors.IsConflict"/>), never applied.
    /// </summary>
    public static async Task<InputErrors?> UpdateAsync(AppDbContext db, long id, TaskEditInput input, CancellationToken ct)
    {
        var task = await db.Tasks.Include(t => t.Agencies).Include(t => t.Directive).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return null;
        }

        var errors = new InputErrors();
        if (input.Version is null)
        {
            errors.Add("version", "Thiếu phiên bản đã đọc (version): đọc nhiệm vụ rồi sửa.");
        }

        var (text, deadline, agencies) = await ReadAsync(db, errors, input.Text, input.Lead, input.Cooperating, input.Deadline, task.Directive.IssuedOn?.Year, ct);
        if (agencies.All(a => a.Role != TaskRoles.Lead) && task.Agencies.Any(a => a.Role == TaskRoles.Lead))
        {
            errors.Add("lead", "Nhiệm vụ đã có cơ quan chủ trì; chọn cơ quan chủ trì.");
        }

        if (errors.Any)
        {
            return errors;
        }

        task.Text = text!;
        task.Section = Input.Clean(input.Section);
        task.SetDeadline(deadline);
        foreach (var gone in task.Agencies.Where(a => agencies.All(x => x.Id != a.AgencyId)).ToList())
        {
            task.Agencies.Remove(gone);
        }

        foreach (var (wanted, ordinal) in agencies.Select((a, i) => (a, i)))
        {
            if (task.Agencies.FirstOrDefault(a => a.AgencyId == wanted.Id) is { } kept)
            {
                (kept.Role, kept.Ordinal) = (wanted.Role, ordinal);
            }
            else
            {
                task.Agencies.Add(new TaskAgency { AgencyId = wanted.Id, Role = wanted.Role, Ordinal = ordinal });
            }
        }

        await db.SaveVersionedAsync(task, input.Version!.Value, errors,
            "Nhiệm vụ đã được sửa sau khi bạn mở nó; thay đổi của bạn chưa được ghi. Xem giá trị hiện tại rồi quyết định lại.", ct);
        return errors;
    }

    private static async Task<Results<Ok<TaskDetails>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        long id, TaskEditInput input, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await Edits.AnswerAsync(await UpdateAsync(db, id, input, ct), () => TaskDetails.LoadAsync(db, id, time.Today(), ct));

    private static async Task<Ok<IReadOnlyList<UnassignedTask>>> Unassigned(long? directive, string? section, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await TaskAssignments.NeedingAsync(db, directive, section, time.Today(), ct));

    /// <summary>How many tasks one act assigned.</summary>
    public sealed record Assigned(int Tasks);

    private static async Task<Results<Ok<Assigned>, ValidationProblem>> Assign(AssignmentInput input, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (count, errors) = await TaskAssignments.AssignAsync(db, input, time.Today(), ct);
        return errors.Any ? errors.Problem() : TypedResults.Ok(new Assigned(count));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(long id, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await db.SoftDeleteAsync<TaskItem>(id, time, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> Restore(long id, AppDbContext db, CancellationToken ct) =>
        await db.RestoreAsync<TaskItem>(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Validates and writes a progress report; null when the task does not exist. Shared by the page and the API.</summary>
    public static async Task<InputErrors?> AddProgressAsync(AppDbContext db, TimeProvider time, long id, ProgressInput input, CancellationToken ct)
    {
        if (!await db.Tasks.AnyAsync(t => t.Id == id, ct))
        {
            return null;
        }

        var errors = new InputErrors();
        var reportedOn = errors.Date("reportedOn", input.ReportedOn) ?? time.Today();
        var text = errors.Required("text", input.Text);
        if (input.Percent is < 0 or > 100)
        {
            errors.Add("percent", "Tỷ lệ hoàn thành phải từ 0 đến 100.");
        }

        if (reportedOn > time.Today())
        {
            errors.Add("reportedOn", "Không báo cáo tiến độ cho một ngày chưa tới.");
        }

        if (!errors.Any)
        {
            db.ProgressUpdates.Add(new ProgressUpdate { TaskId = id, ReportedOn = reportedOn, Text = text!, Percent = input.Percent, EnteredBy = db.Viewer.Name });
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    /// <summary>Validates and records completion; null when the task does not exist.</summary>
    public static async Task<InputErrors?> CompleteAsync(AppDbContext db, TimeProvider time, long id, CompletionInput input, CancellationToken ct)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return null;
        }

        var errors = new InputErrors();
        var on = errors.Date("on", input.On, required: true);
        if (on > time.Today())
        {
            errors.Add("on", "Ngày hoàn thành không thể sau hôm nay.");
        }

        if (!errors.Any)
        {
            task.Complete(on!.Value);
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    private static async Task<Results<Created, NotFound, ValidationProblem>> AddProgress(
        long id, ProgressInput input, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await AddProgressAsync(db, time, id, input, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.Created($"/api/tasks/{id}"),
        };

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Complete(
        long id, CompletionInput input, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await CompleteAsync(db, time, id, input, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.NoContent(),
        };

    private static Results<Ok<DeadlineParseView>, ValidationProblem> ParseDeadline(string? text, int? year)
    {
        var errors = new InputErrors();
        var clean = errors.Required("text", text);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var result = DeadlineParser.Parse(clean!, year);
        if (result.Error is { } error)
        {
            errors.Add("text", error);
            return errors.Problem();
        }

        var d = result.Deadline;
        return TypedResults.Ok(new DeadlineParseView(d.Due, d.Precision.ToString().ToLowerInvariant(), d.Exclusive, d.Text));
    }
}

public sealed record ProgressView(DateOnly ReportedOn, string Text, int? Percent, string EnteredBy);

public sealed record TaskDetails(
    long Id, string Text, long DirectiveId, string Directive, string? Section, string? Quote,
    IReadOnlyList<AgencyRole> Agencies, DeadlineView? Deadline, DateOnly? CompletedOn,
    DateOnly AsOf, string Status, string StatusLabel, IReadOnlyList<ProgressView> Progress, uint Version, string? OriginalDeadline = null)
{
    public static async Task<TaskDetails?> LoadAsync(AppDbContext db, long id, DateOnly asOf, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking()
            .Include(t => t.Directive)
            .Include(t => t.Agencies.OrderBy(a => a.Ordinal)).ThenInclude(a => a.Agency)
            .Include(t => t.Agencies).ThenInclude(a => a.ReceivedFrom)
            .Include(t => t.ProgressUpdates.OrderByDescending(p => p.ReportedOn))
            .AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return null;
        }

        var status = task.StatusOn(asOf);
        return new TaskDetails(task.Id, task.Text, task.DirectiveId, task.Directive.DisplayName, task.Section, task.Quote,
            [.. task.Agencies.Select(a => new AgencyRole(a.AgencyId, a.Agency.ShortName ?? a.Agency.Name, a.Role,
                a.ReceivedFrom is null ? null : a.ReceivedFrom.ShortName ?? a.ReceivedFrom.Name, task.CompletedOn is null && a.Agency.IsDissolvedOn(asOf)))],
            task.Deadline is { } d ? TaskBoard.View(d, task.DueRolledOn) : null, task.CompletedOn, asOf, status.Code(), status.Vietnamese(),
            [.. task.ProgressUpdates.Select(p => new ProgressView(p.ReportedOn, p.Text, p.Percent, p.EnteredBy))], task.Version, task.OriginalDeadlineText);
    }
}

/// <param name="ReceivedFrom">The dissolved agency this part was taken over from.</param>
/// <param name="Dissolved">The agency no longer exists and the task is still open: it must be given again.</param>
public sealed record AgencyRole(long AgencyId, string Name, string Role, string? ReceivedFrom = null, bool Dissolved = false)
{
    public string RoleLabel => Role switch
    {
        TaskRoles.Lead => "Chủ trì",
        TaskRoles.CoLead => "Cùng chủ trì",
        _ => "Phối hợp",
    };
}
