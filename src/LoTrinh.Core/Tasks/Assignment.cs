using LoTrinh.Core.Deadlines;

namespace LoTrinh.Core.Tasks;

/// <summary>The agency a task is to be given to, as assignment sees it.</summary>
public sealed record AssignedAgency(string Name, string Kind, DateOnly? ValidTo);

/// <summary>
/// Phân công: the secretariat gives a task a lead agency and a deadline, citing the decision that does so.
/// The rules of what may be assigned, for the page and the API alike.
/// </summary>
public static class Assignment
{
    /// <summary>
    /// What is wrong with giving a task to <paramref name="lead"/> by <paramref name="deadline"/>, as (field, message).
    /// <paramref name="current"/> is the deadline the task has now: changing one that was set (điều chỉnh thời
    /// hạn) needs a reason, because reports then speak of the original deadline too.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> Problems(
        AssignedAgency? lead, Deadline? deadline, Deadline? current, string? reason, DateOnly today)
    {
        if (lead is not null)
        {
            if (!Agencies.AgencyKinds.IsBody(lead.Kind))
            {
                yield return ("lead", $"\"{lead.Name}\" là {Agencies.AgencyKinds.Vietnamese(lead.Kind).ToLowerInvariant()}, không phải một cơ quan chịu trách nhiệm; hãy chọn một cơ quan cụ thể.");
            }

            var due = deadline?.Due ?? today;
            if (lead.ValidTo is { } end && end < due)
            {
                yield return ("lead", $"{lead.Name} không còn từ {end.AddDays(1):dd/MM/yyyy} (trước hạn {due:dd/MM/yyyy}); hãy giao cho cơ quan kế thừa.");
            }
        }

        if (IsChange(current, deadline) && string.IsNullOrWhiteSpace(reason))
        {
            yield return ("reason", $"Nhiệm vụ đã có thời hạn \"{current!.Text}\"; đổi thời hạn (điều chỉnh) cần nêu lý do.");
        }
    }

    /// <summary>A deadline that was set and is now different (a first deadline for a task without one is not a change).</summary>
    public static bool IsChange(Deadline? current, Deadline? next) =>
        current is { Precision: not DeadlinePrecision.None } && next is not null
        && (current.Due != next.Due || current.Precision != next.Precision || current.Exclusive != next.Exclusive);
}
