using LoTrinh.Core.Classification;

namespace LoTrinh.Web.Features.Classification;

/// <summary>
/// A class chosen from the classes a basis has (never typed): one select, a group per basis, each option
/// "basis|class". <paramref name="Assessable"/>: only the classes the engine can score.
/// </summary>
/// <param name="Optional">The first option is "none" (a new area without a recognised class).</param>
public sealed record ClassPicker(string Name, string Label, IReadOnlyList<CriteriaSet> Sets, string? Selected, bool Assessable, string? Error = null, bool Optional = false)
{
    public static string Value(string basis, string urbanClass) => basis + "|" + urbanClass;

    /// <summary>The basis and class of a picked value; nulls when it is not one.</summary>
    public static (string? Basis, string? Class) Split(string? pick) =>
        pick?.Split('|') is [var basis, var urbanClass] ? (basis, urbanClass) : (null, null);

    public IEnumerable<UrbanClass> ClassesOf(CriteriaSet set) =>
        set.Classes.Where(c => !Assessable || c.Method != ClassMethod.Unavailable);
}
