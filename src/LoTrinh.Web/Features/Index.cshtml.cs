using LoTrinh.Core.Tasks;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Tasks;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features;

public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public DateOnly Today { get; private set; }
    public int Directives { get; private set; }
    public int Targets { get; private set; }
    public int Overdue { get; private set; }
    public TaskPage Tasks { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = time.Today();
        Directives = await db.Directives.CountAsync(ct);
        Targets = await db.Targets.CountAsync(ct);
        Tasks = await TaskBoard.QueryAsync(db, new TaskFilter(Today), 1, 1, ct);
        Overdue = Tasks.CountByStatus.GetValueOrDefault(TaskStatusClass.InProgressOverdue);
    }
}
