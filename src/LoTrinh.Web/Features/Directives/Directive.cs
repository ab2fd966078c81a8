using LoTrinh.Web.Features.Agencies;
using LoTrinh.Web.Features.Units;

namespace LoTrinh.Web.Features.Directives;

/// <summary>A directive (văn bản chỉ đạo): resolution, action programme, plan, conclusion, decision.</summary>
public sealed class Directive
{
    public long Id { get; set; }

    /// <summary>Canonical number ("29-CTr/TU", "3316/KH-UBND"); null when the text gives none.</summary>
    public string? Number { get; set; }

    public string? NumberForm { get; set; }
    public int? NumberSequence { get; set; }
    public int? NumberYear { get; set; }
    public string? KindCode { get; set; }
    public string? IssuerCode { get; set; }
    public required string Kind { get; set; }
    public required string IssuerName { get; set; }
    public long? IssuerAgencyId { get; set; }
    public Agency? IssuerAgency { get; set; }
    public string? Signer { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    public string? Field { get; set; }
    public required string Title { get; set; }

    /// <summary>The full text; null for a directive cited but not on file.</summary>
    public string? FullText { get; set; }


    public long? LocalityUnitId { get; set; }
    public AdministrativeUnit? LocalityUnit { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Readable by the public. A directive registered or imported is not, until the secretariat publishes it.</summary>
    public bool Published { get; set; }

    public List<DirectiveLink> Links { get; set; } = [];
    public List<Objective> Objectives { get; set; } = [];

    public bool TextOnFile => FullText is not null;

    public void SetNumber(Core.Documents.DirectiveNumber? number)
    {
        Number = number?.Text;
        NumberForm = number?.Form.ToString().ToLowerInvariant();
        NumberSequence = number?.Sequence;
        NumberYear = number?.Year;
        KindCode = number?.KindCode;
        IssuerCode = number?.IssuerCode;
    }

    /// <summary>Sets the text, as written (NFC); pages show it repaired (<see cref="DirectiveDetails"/>).</summary>
    public void SetText(string? text) => FullText = text is null ? null : Core.Text.VietnameseText.Normalize(text);

    public string DisplayName => Number ?? $"{Kind} — {IssuerName}";
}

/// <summary>A typed link to another directive.</summary>
public sealed class DirectiveLink
{
    public long Id { get; set; }
    public long FromDirectiveId { get; set; }
    public Directive From { get; set; } = null!;
    public long ToDirectiveId { get; set; }
    public Directive To { get; set; } = null!;
    public required string Relation { get; set; }
}

public static class DirectiveRelations
{
    public const string Implements = "implements";
    public const string Cites = "cites";
    public const string Amends = "amends";
    public const string Replaces = "replaces";

    public static readonly string[] All = [Implements, Cites, Amends, Replaces];

    public static string Vietnamese(string relation) => relation switch
    {
        Implements => "thực hiện",
        Cites => "viện dẫn",
        Amends => "sửa đổi",
        Replaces => "thay thế",
        _ => relation,
    };
}

/// <summary>An objective (mục tiêu) for a horizon year.</summary>
public sealed class Objective
{
    public long Id { get; set; }
    public long DirectiveId { get; set; }
    public Directive Directive { get; set; } = null!;
    public string? Section { get; set; }
    public int? HorizonYear { get; set; }
    public required string Text { get; set; }
}
