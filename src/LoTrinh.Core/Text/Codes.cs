namespace LoTrinh.Core.Text;

/// <summary>Reads an enum back from the code the API and the database write for it.</summary>
public static class Codes
{
    public static bool TryParse<T>(string? code, Func<T, string> codeOf, out T value)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(codeOf);
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(codeOf(candidate), code, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
