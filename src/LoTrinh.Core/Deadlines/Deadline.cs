namespace LoTrinh.Core.Deadlines;

/// <summary>A deadline (thời hạn) as written, with the due date it stands for.</summary>
/// <param name="Text">The words of the document, kept as written.</param>
/// <param name="Due">The last day of the stated period; null for recurring and unreadable deadlines.</param>
/// <param name="Precision">The size of the period the text names.</param>
/// <param name="Exclusive">
/// "trước ngày X": literally before X. Offices often read it as "by X", so <see cref="Due"/> stays X
/// and this flag lets the status rules choose (vn-conventions §3.2, UNCONFIRMED point 4).
/// </param>
public sealed record Deadline(string Text, DateOnly? Due, DeadlinePrecision Precision, bool Exclusive = false)
{
    public static Deadline Unreadable(string text) => new(text, null, DeadlinePrecision.None);

    public bool IsRecurring => Precision == DeadlinePrecision.Recurring;

    /// <summary>The last day on which finishing still counts as on time.</summary>
    public DateOnly? LastDay(bool strictBefore) =>
        Due is { } due && Exclusive && strictBefore ? due.AddDays(-1) : Due;
}
