using LoTrinh.Core.Agencies;
using LoTrinh.Core.Deadlines;
using LoTrinh.Core.Documents;
using LoTrinh.Core.Extraction;
using LoTrinh.Core.Targets;
using LoTrinh.Core.Text;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Agencies;
using LoTrinh.Web.Features.Targets;
using LoTrinh.Web.Features.Tasks;
using LoTrinh.Web.Features.Units;

namespace LoTrinh.Web.Features.Directives;

/// <summary>How a directive's names are to be read: the agency each written name means, the relation to each cited directive.</summary>
public sealed record ContentReading(
    IReadOnlyDictionary<string, string>? AgencyNames = null,
    IReadOnlyDictionary<string, string>? Relations = null);

/// <summary>
/// Adds a directive's contents — references, objectives, targets, tasks with their agencies — to the
/// context, reusing the agencies, indicators and directives it has been told about or has created. Shared
/// by the seed loader and the reviewed import so both write a programme the same way. It never saves:
/// the caller owns the transaction.
/// </summary>
public sealed class ProgramWriter(AppDbContext db, Func<string, (Direction Direction, List<string> Standards)>? describeIndicator = null)
{
    private readonly Dictionary<string, Agency> _agencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Indicator> _indicators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Directive> _directives = new(StringComparer.Ordinal);

    /// <summary>An agency on file that names resolve to; <paramref name="localTo"/> when its name means it only in that place ("UBND huyện").</summary>
    public void Know(Agency agency, AdministrativeUnit? localTo = null)
    {
        _agencies.TryAdd(localTo is null ? agency.NameKey : LocalKey(agency.NameKey, localTo), agency);
        if (localTo is null && agency.ShortName is not null)
        {
            _agencies.TryAdd(VietnameseText.MatchKey(agency.ShortName), agency);
        }
    }

    public void Know(Indicator indicator) => _indicators.TryAdd(IndicatorKey(indicator.Name, indicator.Unit), indicator);

    /// <summary>A directive on file that references with <paramref name="number"/> (its own by default) point to.</summary>
    public void Know(Directive directive, string? number = null) => _directives[NumberKey(number ?? directive.Number!)] = directive;

    public Directive? KnownDirective(string number) => _directives.GetValueOrDefault(NumberKey(number));

    public int AgencyCount => _agencies.Values.Distinct().Count();

    /// <summary>The agency a directive means by a name, as mapped, or known, or a new one in the directive's locality.</summary>
    public Agency AgencyFor(string written, IReadOnlyDictionary<string, string>? names, AdministrativeUnit? locality)
    {
        var name = VietnameseText.CollapseWhitespace(VietnameseText.Normalize(written));
        var mapped = names?.FirstOrDefault(p => VietnameseText.MatchKey(p.Key) == VietnameseText.MatchKey(name)).Value;
        name = mapped ?? name;
        var key = VietnameseText.MatchKey(name);
        if (_agencies.TryGetValue(key, out var known))
        {
            return known;
        }

        var localKey = LocalKey(key, locality);
        if (_agencies.TryGetValue(localKey, out var local))
        {
            return local;
        }

        var agency = new Agency { Name = name, NameKey = key, Kind = AgencyKinds.Infer(name), AdministrativeUnit = locality, ValidTo = locality?.ValidTo };
        db.Agencies.Add(agency);
        _agencies[localKey] = agency;
        return agency;
    }

    /// <summary>A directive cited but not on file: its number and what the citation says of it.</summary>
    public Directive AddCitedDirective(string number, string? kind, string? issuer, DateOnly? issuedOn, string? title, AdministrativeUnit? locality)
    {
        var parsed = DirectiveNumber.Parse(number);
        var directive = new Directive
        {
            Kind = kind ?? DirectiveKinds.FromCode(parsed.KindCode) ?? "Văn bản",
            IssuerName = issuer ?? "Chưa rõ cơ quan ban hành",
            IssuerAgency = issuer is null ? null : AgencyFor(issuer, null, null),
            IssuedOn = issuedOn,
            Title = title ?? $"{kind ?? "Văn bản"} số {parsed.Text}",
            LocalityUnit = locality,
        };
        directive.SetNumber(parsed);
        directive.SetText(null);
        db.Directives.Add(directive);
        Know(directive);
        return directive;
    }

    /// <summary>Adds the references, objectives, targets and tasks of <paramref name="content"/> to <paramref name="directive"/>.</summary>
    public void AddContents(Directive directive, ExtractedProgram content, ContentReading reading)
    {
        ArgumentNullException.ThrowIfNull(directive);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(reading);
        var locality = directive.LocalityUnit;
        foreach (var reference in content.References)
        {
            var to = KnownDirective(reference.Number)
                ?? AddCitedDirective(reference.Number, null, reference.Issuer, reference.IssuedOn, null, null);
            var relation = reading.Relations?.GetValueOrDefault(reference.Number) ?? reference.Relation;
            directive.Links.Add(new DirectiveLink { To = to, Relation = relation });
        }

        foreach (var o in content.Objectives)
        {
            directive.Objectives.Add(new Objective { Section = o.Section, HorizonYear = o.Horizon, Text = o.Text });
        }

        foreach (var t in content.Targets)
        {
            if (!ComparatorCodes.TryParse(t.Comparator, out Comparator comparator))
            {
                throw new InvalidDataException($"{content.Source}: comparator '{t.Comparator}'.");
            }

            var spec = TargetSpec.Create(comparator, t.Value, t.Low, t.High);
            db.Targets.Add(new Target
            {
                Indicator = IndicatorFor(t.Indicator, t.Unit),
                Directive = directive,
                Section = t.Section,
                Scope = t.Scope,
                AdministrativeUnit = locality,
                Year = t.Year,
                Comparator = spec.Comparator,
                Value = spec.Value,
                Low = spec.Low,
                High = spec.High,
                Quote = t.Quote,
            });
        }

        foreach (var k in content.Tasks)
        {
            var task = new TaskItem { Directive = directive, Section = k.Section, Text = k.Text, Quote = k.Quote };
            if (k.Deadline is { } d)
            {
                var parsed = DeadlineParser.Parse(d.Text, directive.IssuedOn?.Year).Deadline;
                task.SetDeadline(new Deadline(d.Text, d.Due, Enum.Parse<DeadlinePrecision>(d.Precision, ignoreCase: true), parsed.Exclusive));
            }

            var ordinal = 0;
            foreach (var (name, role) in k.Lead.Select((n, i) => (n, i == 0 ? TaskRoles.Lead : TaskRoles.CoLead))
                         .Concat(k.Cooperating.Select(n => (n, TaskRoles.Cooperating))))
            {
                var agency = AgencyFor(name, reading.AgencyNames, locality);
                if (task.Agencies.All(a => a.Agency != agency))
                {
                    task.Agencies.Add(new TaskAgency { Agency = agency, Role = role, Ordinal = ordinal++ });
                }
            }

            db.Tasks.Add(task);
        }
    }

    public Indicator IndicatorFor(string name, string unit)
    {
        if (_indicators.TryGetValue(IndicatorKey(name, unit), out var known))
        {
            return known;
        }

        var (direction, standards) = describeIndicator?.Invoke(name) ?? (Direction.Unspecified, []);
        var indicator = new Indicator { Name = name, NameKey = VietnameseText.MatchKey(name), Unit = unit, Direction = direction, StandardCodes = standards };
        db.Indicators.Add(indicator);
        Know(indicator);
        return indicator;
    }

    public static string IndicatorKey(string name, string unit) => $"{VietnameseText.MatchKey(name)}|{unit}";

    private static string NumberKey(string number) =>
        DirectiveNumber.TryParse(number, out var parsed, out _) ? parsed.Text : number.Trim();

    private static string LocalKey(string key, AdministrativeUnit? locality) => $"{key}@{locality?.Code}";
}
