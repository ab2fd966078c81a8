using System.Globalization;
using LoTrinh.Core.Deadlines;
using LoTrinh.Core.Documents;
using LoTrinh.Core.Extraction;
using LoTrinh.Core.Targets;
using LoTrinh.Core.Text;
using LoTrinh.Web.Features.Directives;

namespace LoTrinh.Web.Features.Extraction;

// The review of an import: what the extractor read, as a form the reviewer edits. Numbers and dates are
// kept as typed so a wrong one comes back beside its field as written; Accept = false is a deletion.
// The same shape is the JSON of the API.

public sealed class ReviewForm
{
    public DocumentFields Document { get; set; } = new();
    public List<ReviewReference> References { get; set; } = [];
    public List<ReviewObjective> Objectives { get; set; } = [];
    public List<ReviewTarget> Targets { get; set; } = [];
    public List<ReviewTask> Tasks { get; set; } = [];

    /// <summary>Each agency name the directive writes, and the agency on file it means (none: a new agency).</summary>
    public List<AgencyChoice> Agencies { get; set; } = [];

    public static ReviewForm From(DirectiveExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        var m = extraction.Metadata;
        var form = new ReviewForm
        {
            Document = new DocumentFields
            {
                Number = m.Number,
                Kind = m.Kind,
                Issuer = m.Issuer,
                IssuedOn = m.IssuedOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                Signer = Join(" ", m.SigningAuthority, m.SignerTitle, m.Signer),
                Field = m.Field,
                Title = m.Title,
            },
            References = [.. extraction.References.Select(r => new ReviewReference
            {
                Number = r.Item.Number,
                Relation = r.Item.Relation,
                IssuedOn = r.Item.IssuedOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                Issuer = r.Item.Issuer,
                Start = r.Start,
                Length = r.Length,
            })],
            Objectives = [.. extraction.Objectives.Select(o => new ReviewObjective
            {
                Section = o.Item.Section,
                Horizon = o.Item.Horizon?.ToString(CultureInfo.InvariantCulture),
                Text = o.Item.Text,
                Start = o.Start,
                Length = o.Length,
            })],
            Targets = [.. extraction.Targets.Select(t => new ReviewTarget
            {
                Section = t.Item.Section,
                Indicator = t.Item.Indicator,
                Unit = t.Item.Unit,
                Scope = t.Item.Scope,
                Year = t.Item.Year?.ToString(CultureInfo.InvariantCulture),
                Comparator = t.Item.Comparator,
                Value = Number(t.Item.Value),
                Low = Number(t.Item.Low),
                High = Number(t.Item.High),
                Quote = t.Item.Quote,
                Start = t.Start,
                Length = t.Length,
            })],
            Tasks = [.. extraction.Tasks.Select(t => new ReviewTask
            {
                Section = t.Item.Section,
                Text = t.Item.Text,
                Lead = string.Join("; ", t.Item.Lead),
                Cooperating = string.Join("; ", t.Item.Cooperating),
                Deadline = t.Item.Deadline?.Text,
                Quote = t.Item.Quote,
                Start = t.Start,
                Length = t.Length,
            })],
        };
        form.Agencies = [.. form.AgencyNames().Select(n => new AgencyChoice { Written = n })];
        return form;
    }

    /// <summary>The distinct agency names the accepted tasks write, in order of first appearance.</summary>
    public IReadOnlyList<string> AgencyNames() =>
        Tasks.Where(t => t.Accept)
            .SelectMany(t => AgencyList(t.Lead).Concat(AgencyList(t.Cooperating)))
            .DistinctBy(VietnameseText.MatchKey)
            .ToList();

    /// <summary>Keeps the reviewer's choices for names still written and lists new names without a choice.</summary>
    public void RefreshAgencies()
    {
        var chosen = Agencies.Where(a => a.Written is not null)
            .GroupBy(a => VietnameseText.MatchKey(a.Written!))
            .ToDictionary(g => g.Key, g => g.First().AgencyId, StringComparer.Ordinal);
        Agencies = [.. AgencyNames().Select(n => new AgencyChoice { Written = n, AgencyId = chosen.GetValueOrDefault(VietnameseText.MatchKey(n)) })];
    }

    /// <summary>Checks every accepted row and turns them into the programme to write; null with the errors when something is wrong.</summary>
    public ExtractedProgram? Validate(InputErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var d = Document;
        if (Input.Clean(d.Number) is { } number && !DirectiveNumber.TryParse(number, out _, out var numberProblem))
        {
            errors.Add("document.number", numberProblem);
        }

        errors.Required("document.kind", d.Kind);
        errors.Required("document.issuer", d.Issuer);
        errors.Required("document.title", d.Title);
        var issuedOn = errors.Date("document.issuedOn", d.IssuedOn);
        var year = issuedOn?.Year;

        var references = new List<ExtractedReference>();
        foreach (var (r, i) in References.Select((r, i) => (r, i)).Where(x => x.r.Accept))
        {
            var field = $"references[{i}]";
            if (!DirectiveNumber.TryParse(r.Number ?? string.Empty, out var parsed, out var problem))
            {
                errors.Add($"{field}.number", problem);
            }

            if (r.Relation is not { } relation || !DirectiveRelations.All.Contains(relation))
            {
                errors.Add($"{field}.relation", $"Quan hệ phải là một trong: {string.Join(", ", DirectiveRelations.All)}.");
            }

            var on = errors.Date($"{field}.issuedOn", r.IssuedOn);
            if (parsed is not null && r.Relation is not null)
            {
                references.Add(new ExtractedReference(parsed.Text, on, Input.Clean(r.Issuer), r.Relation));
            }
        }

        var objectives = new List<ExtractedObjective>();
        foreach (var (o, i) in Objectives.Select((o, i) => (o, i)).Where(x => x.o.Accept))
        {
            var text = errors.Required($"objectives[{i}].text", o.Text);
            var horizon = Year(errors, $"objectives[{i}].horizon", o.Horizon);
            if (text is not null)
            {
                objectives.Add(new ExtractedObjective(horizon, text, Input.Clean(o.Section)));
            }
        }

        var targets = new List<ExtractedTarget>();
        foreach (var (t, i) in Targets.Select((t, i) => (t, i)).Where(x => x.t.Accept))
        {
            var target = t.Validate(errors, $"targets[{i}]");
            if (target is not null)
            {
                targets.Add(target);
            }
        }

        var tasks = new List<ExtractedTask>();
        foreach (var (t, i) in Tasks.Select((t, i) => (t, i)).Where(x => x.t.Accept))
        {
            var field = $"tasks[{i}]";
            var text = errors.Required($"{field}.text", t.Text);
            ExtractedDeadline? deadline = null;
            if (Input.Clean(t.Deadline) is { } written)
            {
                var parsed = DeadlineParser.Parse(written, year);
                if (!parsed.IsValid || parsed.Deadline.Precision == DeadlinePrecision.None)
                {
                    errors.Add($"{field}.deadline", parsed.Error ?? $"Không đọc được thời hạn \"{written}\" (ví dụ: Quý II/2024, 30/6/2024, thường xuyên); sửa lại hoặc để trống.");
                }
                else
                {
                    deadline = new ExtractedDeadline(parsed.Deadline.Text, parsed.Deadline.Due, parsed.Deadline.Precision.Code());
                }
            }

            if (text is not null)
            {
                tasks.Add(new ExtractedTask(Input.Clean(t.Section), text, AgencyList(t.Lead), AgencyList(t.Cooperating), deadline, Input.Clean(t.Quote) ?? text));
            }
        }

        if (errors.Any)
        {
            return null;
        }

        var document = new ExtractedDocument(Input.Clean(d.Number), Input.Clean(d.Kind), Input.Clean(d.Issuer), issuedOn, Input.Clean(d.Signer), Input.Clean(d.Title));
        return new ExtractedProgram(null, document, references, objectives, targets, tasks);
    }

    /// <summary>"Sở Xây dựng; Sở Tài chính" → the two names.</summary>
    public static IReadOnlyList<string> AgencyList(string? written) =>
        (written ?? string.Empty).Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(VietnameseText.CollapseWhitespace).ToList();

    internal static int? Year(InputErrors errors, string field, string? text)
    {
        if (Input.Clean(text) is not { } t)
        {
            return null;
        }

        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100)
        {
            return year;
        }

        errors.Add(field, $"Năm \"{t}\" không hợp lệ (4 chữ số, 1990–2100).");
        return null;
    }

    private static string? Number(decimal? value) => value is { } v ? VietnameseText.FormatNumber(v) : null;

    private static string? Join(string separator, params string?[] parts) =>
        parts.Any(p => !string.IsNullOrWhiteSpace(p)) ? string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p))) : null;
}

public sealed class DocumentFields
{
    public string? Number { get; set; }
    public string? Kind { get; set; }
    public string? Issuer { get; set; }

    /// <summary>dd/MM/yyyy or yyyy-MM-dd.</summary>
    public string? IssuedOn { get; set; }

    public string? Signer { get; set; }
    public string? Field { get; set; }
    public string? Title { get; set; }

    /// <summary>The administrative unit the directive governs (its targets are that unit's).</summary>
    public long? LocalityId { get; set; }
}

/// <summary>The characters of the normalised text an item was read from; none for an item the reviewer added.</summary>
public abstract class ReviewItem
{
    public bool Accept { get; set; } = true;
    public int? Start { get; set; }
    public int? Length { get; set; }
}

public sealed class ReviewReference : ReviewItem
{
    public string? Number { get; set; }
    public string? Relation { get; set; }
    public string? IssuedOn { get; set; }
    public string? Issuer { get; set; }

    /// <summary>The directive on file this reference means; none: a record of the cited directive is made.</summary>
    public long? LinkTo { get; set; }
}

public sealed class ReviewObjective : ReviewItem
{
    public string? Section { get; set; }
    public string? Horizon { get; set; }
    public string? Text { get; set; }
}

public sealed class ReviewTarget : ReviewItem
{
    public string? Section { get; set; }
    public string? Indicator { get; set; }
    public string? Unit { get; set; }
    public string? Scope { get; set; }
    public string? Year { get; set; }
    public string? Comparator { get; set; } = "gte";
    public string? Value { get; set; }
    public string? Low { get; set; }
    public string? High { get; set; }
    public string? Quote { get; set; }

    internal ExtractedTarget? Validate(InputErrors errors, string field)
    {
        var indicator = errors.Required($"{field}.indicator", Indicator);
        var unit = errors.Required($"{field}.unit", Unit);
        var year = ReviewForm.Year(errors, $"{field}.year", Year);
        if (!ComparatorCodes.TryParse(Comparator ?? string.Empty, out Comparator comparator))
        {
            errors.Add($"{field}.comparator", "Chọn một phép so sánh (trên, từ, dưới, không quá, bằng, khoảng, từ … đến …).");
            return null;
        }

        decimal? Read(string name, string? text, bool required)
        {
            if (Input.Clean(text) is not { } t)
            {
                if (required)
                {
                    errors.Add($"{field}.{name}", "Cần một số.");
                }

                return null;
            }

            if (VietnameseText.TryParseNumber(t, out var v))
            {
                return v;
            }

            errors.Add($"{field}.{name}", $"\"{t}\" không phải một số (ví dụ 58,8).");
            return null;
        }

        var range = comparator == Core.Targets.Comparator.Range;
        var value = Read("value", Value, !range);
        var low = Read("low", Low, range);
        var high = Read("high", High, range);
        if (range && low > high)
        {
            errors.Add($"{field}.high", "Cận trên nhỏ hơn cận dưới.");
        }

        if (indicator is null || unit is null || errors.Any)
        {
            return null;
        }

        return new ExtractedTarget(indicator, unit, Input.Clean(Scope) ?? string.Empty, year, comparator.Code(),
            range ? null : value, range ? low : null, range ? high : null, Input.Clean(Section), Input.Clean(Quote));
    }
}

public sealed class ReviewTask : ReviewItem
{
    public string? Section { get; set; }
    public string? Text { get; set; }

    /// <summary>Lead agencies, "; " between names; the first is the lead (chủ trì), the others co-lead.</summary>
    public string? Lead { get; set; }

    public string? Cooperating { get; set; }
    public string? Deadline { get; set; }
    public string? Quote { get; set; }
}

public sealed class AgencyChoice
{
    public string? Written { get; set; }
    public long? AgencyId { get; set; }
}
