using System.Diagnostics.CodeAnalysis;

namespace LoTrinh.Core.Extraction;

/// <summary>
/// A fault inside one reader loses what that reader was reading (a sentence, an item, a step), never the
/// document: an official who uploads a 35-page plan gets everything else, and a warning that names the loss.
/// </summary>
internal static class ReaderGuard
{
    [SuppressMessage("Design", "CA1031:Do not catch general exception types",
        Justification = "Any fault of a rule on unforeseen text must cost only the item being read.")]
    public static T Run<T>(Func<T> read, T fallback, ICollection<string>? problems, string what)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problems?.Add($"Không đọc được {what} ({e.GetType().Name}); phần còn lại vẫn được đọc — hãy kiểm tra khi duyệt.");
            return fallback;
        }
    }
}
