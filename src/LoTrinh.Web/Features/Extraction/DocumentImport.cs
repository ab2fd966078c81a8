using LoTrinh.Web.Features.Directives;

namespace LoTrinh.Web.Features.Extraction;

/// <summary>An uploaded directive file on its way to a reviewed directive (see 0003_document_import.sql).</summary>
public sealed class DocumentImport
{
    public Guid Id { get; set; }
    public required string FileName { get; set; }
    public required string FileHash { get; set; }
    public string? TextHash { get; set; }
    public required byte[] Content { get; set; }
    public string Stage { get; set; } = ImportStages.Queued;

    /// <summary>While reading: what is being done, in Vietnamese, for the progress bar.</summary>
    public string? Step { get; set; }

    public int Percent { get; set; }

    /// <summary>How many times reading has started (DirectiveImports.MaxAttempts).</summary>
    public int Attempts { get; set; }

    /// <summary>Until when the instance reading it holds it; past this another instance may read it again.</summary>
    public DateTimeOffset? ReadingUntil { get; set; }
    public string? Problem { get; set; }

    /// <summary>The normalised text the spans of the draft point into.</summary>
    public string? Text { get; set; }

    /// <summary>The review form as JSON: as read, then as the reviewer last left it.</summary>
    public string? Draft { get; set; }

    public string Warnings { get; set; } = "[]";
    public long? DirectiveId { get; set; }
    public Directive? Directive { get; set; }
    public string? UploadedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SavedAt { get; set; }

    /// <summary>PostgreSQL's xmin: two reviewers saving the same import cannot both win.</summary>
    public uint Version { get; set; }
}

public static class ImportStages
{
    public const string Queued = "queued";
    public const string Reading = "reading";
    public const string Ready = "ready";
    public const string Saved = "saved";
    public const string Failed = "failed";

    public static string Vietnamese(string stage) => stage switch
    {
        Queued => "Đang chờ đọc",
        Reading => "Đang đọc",
        Ready => "Chờ duyệt",
        Saved => "Đã lưu",
        Failed => "Không đọc được",
        _ => stage,
    };
}
