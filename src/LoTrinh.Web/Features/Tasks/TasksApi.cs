using LoTrinh.Core.Deadlines;
using LoTrinh.Core.Tasks;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Directives;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Tasks;

public sealed record TaskInput(string? Directive, string? Section, string? Text, string? Lead, IReadOnlyList<string>? Cooperating, string? Deadline);

public sealed record ProgressInput(string? ReportedOn, string? Text, int? Percent, string? EnteredBy);

public sealed record CompletionInput(string? On);

public sealed record DeadlineParseView(DateOnly? Due, string Precision, bool Exclusive, string Text);

public static class TasksApi
{
    public static void MapTasksApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("Nhiệm vụ");
        tasks.MapGet("/", List).WithSummary("Nhiệm vụ và tình trạng tại một ngày (asOf), lọc theo tình trạng, cơ quan, văn bản.");
        tasks.MapGet("/{id:long}", Get);
        tasks.MapPost("/", Create).WithSummary("Giao một nhiệm vụ mới theo một văn bản.");
        tasks.MapPost("/{id:long}/progress", AddProgress).WithSummary("Báo cáo tiến độ một nhiệm vụ.");
        tasks.MapPost("/{id:long}/complete", Complete).WithSummary("Ghi nhận hoàn thành nhiệm vụ.");
        app.MapGet("/api/deadlines/parse", ParseDeadline).WithTags("Nhiệm vụ")
            .WithSummary("Đọc một thời hạn viết bằng lời (\"Quý II/2022\") thành ngày đến hạn và độ chính xác.");
    }

    private static async Task<Results<Ok<IReadOnlyList<TaskRow>>, ValidationProblem>> List(
        AppDbContext db, TimeProvider time, HttpResponse response, string? asOf, string? status, string? agency, string? directive,
        string? q, int? page, int? pageSize, CancellationToken ct)
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

        var agencyId = await TaskBoard.FindAgencyAsync(db, agency, ct);
        if (agencyId == -1)
        {
            errors.Add("agency", $"Không tìm thấy cơ quan \"{agency}\".");
        }

        var directiveId = await DirectivesApi.FindAsync(db, directive, ct);
        if (directiveId == -1)
        {
            errors.Add("directive", $"Không tìm thấy văn bản \"{directive}\".");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var (p, size) = Input.Paging(page, pageSize, Input.MaxPageSize);
        var result = await TaskBoard.QueryAsync(db, new TaskFilter(day, wanted, agencyId, directiveId, q), p, size, ct);
        response.Headers["X-Total-Count"] = result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(result.Rows);
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
        var text = errors.Required("text", input.Text);
        var directiveId = await DirectivesApi.FindAsync(db, input.Directive, ct);
        if (directiveId is null or -1)
        {
            errors.Add("directive", string.IsNullOrWhiteSpace(input.Directive) ? "Cần chọn văn bản giao nhiệm vụ." : $"Không tìm thấy văn bản \"{input.Directive}\".");
        }

        Deadline? deadline = null;
        if (Input.Clean(input.Deadline) is { } deadlineText)
        {
            var year = directiveId is > 0
                ? await db.Directives.Where(d => d.Id == directiveId).Select(d => d.IssuedOn).FirstAsync(ct)
                : null;
            var parsed = DeadlineParser.Parse(deadlineText, year?.Year);
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

            var found = await TaskBoard.FindAgencyAsync(db, clean, ct);
            if (found is null or -1)
            {
                errors.Add(field, $"Không tìm thấy cơ quan \"{clean}\".");
            }
            else if (agencies.All(a => a.Id != found))
            {
                agencies.Add((found.Value, role));
            }
        }

        await AddAgency("lead", input.Lead, TaskRoles.Lead);
        foreach (var name in input.Cooperating ?? [])
        {
            await AddAgency("cooperating", name, TaskRoles.Cooperating);
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var task = new TaskItem { DirectiveId = directiveId!.Value, Section = Input.Clean(input.Section), Text = text! };
        task.SetDeadline(deadline);
        task.Agencies.AddRange(agencies.Select((a, i) => new TaskAgency { AgencyId = a.Id, Role = a.Role, Ordinal = i }));
        db.Tasks.Add(task);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/tasks/{task.Id}", await TaskDetails.LoadAsync(db, task.Id, time.Today(), ct));
    }

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
        var by = errors.Required("enteredBy", input.EnteredBy);
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
            db.ProgressUpdates.Add(new ProgressUpdate { TaskId = id, ReportedOn = reportedOn, Text = text!, Percent = input.Percent, EnteredBy = by! });
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
    DateOnly AsOf, string Status, string StatusLabel, IReadOnlyList<ProgressView> Progress)
{
    public static async Task<TaskDetails?> LoadAsync(AppDbContext db, long id, DateOnly asOf, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking()
            .Include(t => t.Directive)
            .Include(t => t.Agencies.OrderBy(a => a.Ordinal)).ThenInclude(a => a.Agency)
            .Include(t => t.ProgressUpdates.OrderByDescending(p => p.ReportedOn))
            .AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return null;
        }

        var status = task.StatusOn(asOf);
        return new TaskDetails(task.Id, task.Text, task.DirectiveId, task.Directive.DisplayName, task.Section, task.Quote,
            [.. task.Agencies.Select(a => new AgencyRole(a.AgencyId, a.Agency.ShortName ?? a.Agency.Name, a.Role))],
            task.Deadline is { } d ? TaskBoard.View(d) : null, task.CompletedOn, asOf, status.Code(), status.Vietnamese(),
            [.. task.ProgressUpdates.Select(p => new ProgressView(p.ReportedOn, p.Text, p.Percent, p.EnteredBy))]);
    }
}

public sealed record AgencyRole(long AgencyId, string Name, string Role)
{
    public string RoleLabel => Role switch
    {
        TaskRoles.Lead => "Chủ trì",
        TaskRoles.CoLead => "Cùng chủ trì",
        _ => "Phối hợp",
    };
}
