namespace LoTrinh.Core.Reporting;

/// <summary>What an evidence file (tài liệu minh chứng) may be, read from its first bytes as well as its name.</summary>
public enum EvidenceKind
{
    Pdf,
    Docx,
    Xlsx,
    Png,
    Jpeg,
}

/// <summary>
/// Evidence attached to a report: PDF, Word, Excel and photos, up to <see cref="MaxBytes"/>. The name's extension must
/// agree with the content's signature, so a renamed executable or script is refused whatever it is called.
/// </summary>
public static class EvidenceFiles
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public const int MaxNameLength = 255;

    public static (EvidenceKind? Kind, string? Problem) Check(string? fileName, ReadOnlySpan<byte> content)
    {
        var name = fileName?.Trim() ?? string.Empty;
        if (name.Length == 0 || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            return (null, $"Tên tệp phải có từ 1 đến {MaxNameLength} ký tự, không có ký tự điều khiển.");
        }

        if (content.Length == 0)
        {
            return (null, "Tệp rỗng (0 byte).");
        }

        if (content.Length > MaxBytes)
        {
            return (null, $"Tệp {content.Length / 1024.0 / 1024:0.#} MB vượt giới hạn {MaxBytes / 1024 / 1024} MB; hãy nén ảnh hoặc tách tệp.");
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        EvidenceKind? claimed = extension switch
        {
            ".pdf" => EvidenceKind.Pdf,
            ".docx" => EvidenceKind.Docx,
            ".xlsx" => EvidenceKind.Xlsx,
            ".png" => EvidenceKind.Png,
            ".jpg" or ".jpeg" => EvidenceKind.Jpeg,
            _ => null,
        };
        if (claimed is null)
        {
            return (null, $"Không nhận tệp \"{extension}\": chỉ nhận .pdf, .docx, .xlsx, .png, .jpg.");
        }

        var matches = claimed switch
        {
            EvidenceKind.Pdf => content.StartsWith("%PDF-"u8),
            EvidenceKind.Docx or EvidenceKind.Xlsx => content.StartsWith("PK\u0003\u0004"u8),
            EvidenceKind.Png => content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            _ => content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        };
        return matches ? (claimed, null) : (null, $"Nội dung tệp không phải {extension} như tên tệp ghi; hãy mở và lưu lại đúng định dạng.");
    }

    public static string Code(this EvidenceKind kind) => kind.ToString().ToLowerInvariant();
}
