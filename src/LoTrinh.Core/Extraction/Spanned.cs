namespace LoTrinh.Core.Extraction;

/// <summary>An extracted item with the characters of the normalised text it was read from.</summary>
public sealed record Spanned<T>(T Item, int Start, int Length)
{
    public int End => Start + Length;
}
