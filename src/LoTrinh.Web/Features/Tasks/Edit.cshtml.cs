using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Tasks;

/// <summary>Editing a task. A save over someone else's newer save is refused: the page then shows what is now on file.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider time) : FormPage
{
    public TaskDetails Task { get; private set; } = null!;
    /// <summary>The agencies a lead or cooperating agency can be typed as: the name, and the unit to tell two apart.</summary>

    /// <summary>Set when the save was refused as a conflict: the task as it now is.</summary>
    public TaskDetails? Current { get; private set; }

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Section { get; set; }
    [BindProperty] public string? Lead { get; set; }
    [BindProperty] public string? Cooperating { get; set; }
    [BindProperty] public string? Deadline { get; set; }
    [BindProperty] public uint Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await Load(id, ct))
        {
            return NotFound();
        }

        (Text, Section, Deadline, Version) = (Task.Text, Task.Section, Task.Deadline?.Text, Task.Version);
        Lead = Task.Agencies.FirstOrDefault(a => a.Role == TaskRoles.Lead)?.Name;
        Cooperating = string.Join("\n", Task.Agencies.Where(a => a.Role != TaskRoles.Lead).Select(a => a.Name));
        return Page();
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var cooperating = (Cooperating ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = await TasksApi.UpdateAsync(db, id, new TaskEditInput(Text, Section, Lead, cooperating, Deadline, Version), ct);
        if (errors is null)
        {
            return NotFound();
        }

        if (!errors.Any)
        {
            return RedirectToPage("Details", new { id });
        }

        Errors = errors;
        if (!await Load(id, ct))
        {
            return NotFound();
        }

        if (errors.IsConflict)
        {
            // What the person typed stays in the form; saving again now knowingly replaces what is shown above it.
            Current = Task;
            Version = Task.Version;
        }

        return Page();
    }

    private async Task<bool> Load(long id, CancellationToken ct)
    {
        if (await TaskDetails.LoadAsync(db, id, time.Today(), ct) is not { } task)
        {
            return false;
        }

        Task = task;
        return true;
    }
}
