using System.Text.Json;
using LoTrinh.Core.Agencies;
using LoTrinh.Core.Classification;
using LoTrinh.Core.Deadlines;
using LoTrinh.Core.Documents;
using LoTrinh.Core.Extraction;
using LoTrinh.Core.Targets;
using LoTrinh.Core.Text;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Agencies;
using LoTrinh.Web.Features.Classification;
using LoTrinh.Web.Features.Directives;
using LoTrinh.Web.Features.Targets;
using LoTrinh.Web.Features.Tasks;
using LoTrinh.Web.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Seeding;

public sealed record SeedSummary(int Units, int Agencies, int Directives, int Targets, int Tasks, int Measurements);

/// <summary>
/// Loads the seed programme (seed/): administrative units, agencies, the four directives with their full
/// text, their objectives, targets, tasks and references from the annotation files, the cited directives
/// as records without text, and the confirmed Lâm Đồng figures. One transaction: all or nothing.
/// </summary>
public sealed class SeedLoader(AppDbContext db)
{
    public const string EnteredBy = "Dữ liệu khởi tạo (seed)";

    private readonly Dictionary<string, Agency> _agencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Indicator> _indicators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Directive> _directives = new(StringComparer.Ordinal);
    private UnitIndex _units = new();
    private ProgramFile _program = null!;

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "seed");

    public async Task<SeedSummary> LoadAsync(string directory, CancellationToken ct = default)
    {
        if (await db.Directives.AnyAsync(ct) || await db.Units.AnyAsync(ct))
        {
            throw new InvalidOperationException("Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu khởi tạo vào cơ sở dữ liệu trống.");
        }

        _program = Read<ProgramFile>(Path.Combine(directory, "program.json"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        _units = await UnitImporter.ImportAsync(db, Path.Combine(directory, "units", "dvhcvn-20250701-merges.json"), ct);
        AddHistoricalUnits();
        AddAgencies();
        foreach (var cited in _program.CitedDirectives)
        {
            AddCitedDirective(cited.Number, cited.Kind, cited.Issuer, cited.IssuedOn, cited.Title, cited.Locality);
        }

        // Directives first, their contents second: one may cite another that comes later in the list.
        var loaded = new List<(SeedDirectiveEntry Entry, ExtractedProgram Annotation, Directive Directive)>();
        foreach (var entry in _program.Directives)
        {
            var annotation = Read<ExtractedProgram>(Path.Combine(directory, "annotations", entry.Annotation + ".gold.json"));
            var text = await File.ReadAllTextAsync(Path.Combine(directory, "documents", entry.Annotation + ".txt"), ct);
            loaded.Add((entry, annotation, AddDirective(entry, annotation.Document, text)));
        }

        foreach (var (entry, annotation, directive) in loaded)
        {
            AddContents(entry, annotation, directive);
        }

        var targets = loaded.Sum(l => l.Annotation.Targets.Count);
        var tasks = loaded.Sum(l => l.Annotation.Tasks.Count);

        foreach (var m in _program.Measurements)
        {
            db.Measurements.Add(new Measurement
            {
                Indicator = IndicatorFor(m.Indicator, m.Unit),
                AdministrativeUnit = _units.Resolve(m.At.Code, m.At.On),
                PeriodStart = m.PeriodStart,
                PeriodEnd = m.PeriodEnd,
                PeriodLabel = m.PeriodLabel,
                Value = m.Value,
                Source = m.Source,
                EnteredBy = EnteredBy,
            });
        }

        AddUrbanAreas();
        db.ChangeTracker.DetectChanges();
        var units = db.ChangeTracker.Entries<AdministrativeUnit>().Count();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SeedSummary(units, _agencies.Values.Distinct().Count(), _directives.Count, targets, tasks, _program.Measurements.Count);
    }

    private void AddUrbanAreas()
    {
        foreach (var a in _program.UrbanAreas)
        {
            var area = new UrbanArea
            {
                Name = a.Name,
                NameKey = VietnameseText.MatchKey(a.Name),
                FormerUnit = a.FormerUnit is null ? null : _units.Resolve(a.FormerUnit.Code, a.FormerUnit.On),
                AdministrativeUnit = a.Unit is null ? null : _units.Resolve(a.Unit.Code, a.Unit.On),
                CurrentClass = a.CurrentClass,
                CurrentBasis = a.CurrentBasis,
                ClassSource = a.ClassSource,
                Regions = a.Regions,
                Note = a.Note,
                Targets = [.. a.Targets.Select(t => new UrbanAreaTarget
                {
                    Year = t.Year,
                    Class = t.Class,
                    Basis = t.Basis,
                    UnitType = t.UnitType,
                    Directive = t.Directive is null ? null : _directives[DirectiveNumber.Parse(t.Directive).Text],
                    Section = t.Section,
                    Quote = t.Quote,
                })],
            };
            db.UrbanAreas.Add(area);
        }
    }

    private void AddHistoricalUnits()
    {
        foreach (var h in _program.HistoricalUnits)
        {
            var district = UnitImporter.NewUnit(h.Code, h.Name, _units.Resolve(h.Parent.Code, h.Parent.On), null, h.ValidTo);
            _units.Add(district);
            db.Units.Add(district);
            foreach (var code in h.Communes)
            {
                _units.Resolve(code, h.ValidTo).Parent = district;
            }
        }
    }

    private void AddAgencies()
    {
        foreach (var a in _program.Agencies)
        {
            var agency = new Agency
            {
                Name = a.Name,
                NameKey = VietnameseText.MatchKey(a.Name),
                ShortName = a.ShortName,
                Kind = AgencyKinds.All.Contains(a.Kind) ? a.Kind : throw new InvalidDataException($"Unknown agency kind {a.Kind}."),
                Parent = a.Parent is null ? null : _agencies[VietnameseText.MatchKey(a.Parent)],
                AdministrativeUnit = a.Unit is null ? null : _units.Resolve(a.Unit.Code, a.Unit.On),
            };
            db.Agencies.Add(agency);
            _agencies[agency.NameKey] = agency;
            if (a.ShortName is not null)
            {
                _agencies.TryAdd(VietnameseText.MatchKey(a.ShortName), agency);
            }
        }
    }

    /// <summary>The agency a directive means by a name, as the clerk mapped it, or a new one in the directive's locality.</summary>
    private Agency AgencyFor(string written, SeedDirectiveEntry? entry, AdministrativeUnit? locality)
    {
        var name = VietnameseText.CollapseWhitespace(VietnameseText.Normalize(written));
        var mapped = entry?.AgencyNames?.FirstOrDefault(p => VietnameseText.MatchKey(p.Key) == VietnameseText.MatchKey(name)).Value;
        name = mapped ?? name;
        var key = VietnameseText.MatchKey(name);
        if (_agencies.TryGetValue(key, out var known))
        {
            return known;
        }

        var localKey = $"{key}@{locality?.Code}";
        if (_agencies.TryGetValue(localKey, out var local))
        {
            return local;
        }

        var agency = new Agency { Name = name, NameKey = key, Kind = AgencyKinds.Infer(name), AdministrativeUnit = locality };
        db.Agencies.Add(agency);
        _agencies[localKey] = agency;
        return agency;
    }

    private Directive AddCitedDirective(string number, string? kind, string? issuer, DateOnly? issuedOn, string? title, UnitRef? locality)
    {
        var parsed = DirectiveNumber.Parse(number);
        var directive = new Directive
        {
            Kind = kind ?? DirectiveKinds.FromCode(parsed.KindCode) ?? "Văn bản",
            IssuerName = issuer ?? "Chưa rõ cơ quan ban hành",
            IssuerAgency = issuer is null ? null : AgencyFor(issuer, null, null),
            IssuedOn = issuedOn,
            Title = title ?? $"{kind ?? "Văn bản"} số {parsed.Text}",
            LocalityUnit = locality is null ? null : _units.Resolve(locality.Code, locality.On),
        };
        directive.SetNumber(parsed);
        directive.SetText(null);
        db.Directives.Add(directive);
        _directives[parsed.Text] = directive;
        return directive;
    }

    private Directive AddDirective(SeedDirectiveEntry entry, ExtractedDocument doc, string text)
    {
        var locality = _units.Resolve(entry.Locality.Code, entry.Locality.On);
        var issuer = entry.Issuer ?? doc.Issuer ?? throw new InvalidDataException($"{entry.Annotation}: no issuer.");
        var directive = new Directive
        {
            Kind = doc.Kind ?? "Văn bản",
            IssuerName = issuer,
            IssuerAgency = AgencyFor(issuer, entry, locality),
            Signer = doc.Signer,
            IssuedOn = entry.IssuedOn ?? doc.IssuedOn,
            EffectiveOn = entry.EffectiveOn,
            Field = entry.Field,
            Title = doc.Title ?? throw new InvalidDataException($"{entry.Annotation}: no title."),
            LocalityUnit = locality,
        };
        var number = entry.Number ?? doc.Number;
        directive.SetNumber(number is null ? null : DirectiveNumber.Parse(number));
        directive.SetText(text);
        db.Directives.Add(directive);
        _directives[directive.Number ?? entry.Annotation] = directive;
        return directive;
    }

    private void AddContents(SeedDirectiveEntry entry, ExtractedProgram annotation, Directive directive)
    {
        var locality = directive.LocalityUnit;
        foreach (var reference in annotation.References)
        {
            var to = _directives.GetValueOrDefault(DirectiveNumber.Parse(reference.Number).Text)
                ?? AddCitedDirective(reference.Number, null, reference.Issuer, reference.IssuedOn, null, null);
            var relation = entry.Relations?.GetValueOrDefault(reference.Number) ?? reference.Relation;
            directive.Links.Add(new DirectiveLink { To = to, Relation = relation });
        }

        foreach (var o in annotation.Objectives)
        {
            directive.Objectives.Add(new Objective { Section = o.Section, HorizonYear = o.Horizon, Text = o.Text });
        }

        foreach (var t in annotation.Targets)
        {
            if (!ComparatorCodes.TryParse(t.Comparator, out Comparator comparator))
            {
                throw new InvalidDataException($"{entry.Annotation}: comparator '{t.Comparator}'.");
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

        foreach (var k in annotation.Tasks)
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
                var agency = AgencyFor(name, entry, locality);
                if (task.Agencies.All(a => a.Agency != agency))
                {
                    task.Agencies.Add(new TaskAgency { Agency = agency, Role = role, Ordinal = ordinal++ });
                }
            }

            db.Tasks.Add(task);
        }
    }

    private Indicator IndicatorFor(string name, string unit)
    {
        var key = VietnameseText.MatchKey(name);
        if (_indicators.TryGetValue($"{key}|{unit}", out var known))
        {
            return known;
        }

        var direction = _program.IndicatorDirections.TryGetValue(name, out var code) && ComparatorCodes.TryParse(code, out Direction d)
            ? d
            : Direction.Unspecified;
        var standards = _program.IndicatorStandards.TryGetValue(name, out var codes) && codes.ValueKind == JsonValueKind.Array
            ? codes.EnumerateArray().Select(c => c.GetString()!).ToList()
            : [];
        var unknown = standards.Where(c => CriteriaSetReader.BuiltIn.All(set => set.FindStandard(c) is null)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"indicatorStandards[{name}]: không có tiêu chuẩn {string.Join(", ", unknown)}.");
        }

        var indicator = new Indicator { Name = name, NameKey = key, Unit = unit, Direction = direction, StandardCodes = standards };
        db.Indicators.Add(indicator);
        _indicators[$"{key}|{unit}"] = indicator;
        return indicator;
    }

    private static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json.Options)
        ?? throw new InvalidDataException($"{path} is empty.");
}
