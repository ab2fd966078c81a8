using System.Text.Json;
using LoTrinh.Core.Agencies;
using LoTrinh.Core.Classification;
using LoTrinh.Core.Documents;
using LoTrinh.Core.Extraction;
using LoTrinh.Core.Targets;
using LoTrinh.Core.Text;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Agencies;
using LoTrinh.Web.Features.Classification;
using LoTrinh.Web.Features.Directives;
using LoTrinh.Web.Features.Projects;
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

    private readonly Dictionary<string, Agency> _programAgencies = new(StringComparer.Ordinal);
    private ProgramWriter _writer = null!;
    private UnitIndex _units = new();
    private ProgramFile _program = null!;

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "seed");

    /// <param name="withProgramme">false: only the administrative units and the agencies (the reference data a province starts from).</param>
    public async Task<SeedSummary> LoadAsync(string directory, bool withProgramme = true, CancellationToken ct = default)
    {
        if (await db.Directives.AnyAsync(ct) || await db.Units.AnyAsync(ct))
        {
            throw new InvalidOperationException("Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu khởi tạo vào cơ sở dữ liệu trống.");
        }

        _program = Read<ProgramFile>(Path.Combine(directory, "program.json"));
        _writer = new ProgramWriter(db, DescribeIndicator);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        _units = await UnitImporter.ImportAsync(db, Path.Combine(directory, "units", "dvhcvn-20250701-merges.json"), ct);
        AddHistoricalUnits();
        AddAgencies();
        var (targets, tasks, measurements) = withProgramme ? await AddProgrammeAsync(directory, ct) : (0, 0, 0);

        // The seed is the province's programme as issued and the documents it cites: public documents, published.
        // (An imported or registered directive waits for the secretariat's "Công bố".)
        foreach (var directive in db.ChangeTracker.Entries<Directive>())
        {
            directive.Entity.Published = true;
        }

        db.ChangeTracker.DetectChanges();
        var units = db.ChangeTracker.Entries<AdministrativeUnit>().Count();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SeedSummary(units, _writer.AgencyCount, await db.Directives.CountAsync(ct), targets, tasks, measurements);
    }

    /// <summary>The cited directives, the four directives with their contents, the measurements and the urban areas.</summary>
    private async Task<(int Targets, int Tasks, int Measurements)> AddProgrammeAsync(string directory, CancellationToken ct)
    {
        foreach (var cited in _program.CitedDirectives)
        {
            _writer.AddCitedDirective(cited.Number, cited.Kind, cited.Issuer, cited.IssuedOn, cited.Title,
                cited.Locality is null ? null : _units.Resolve(cited.Locality.Code, cited.Locality.On));
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
            _writer.AddContents(directive, annotation with { Source = entry.Annotation }, new ContentReading(entry.AgencyNames, entry.Relations));
        }

        var targets = loaded.Sum(l => l.Annotation.Targets.Count);
        var tasks = loaded.Sum(l => l.Annotation.Tasks.Count);

        foreach (var m in _program.Measurements)
        {
            db.Measurements.Add(new Measurement
            {
                Indicator = _writer.IndicatorFor(m.Indicator, m.Unit),
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
        AddProjects();
        return (targets, tasks, _program.Measurements.Count);
    }

    private void AddUrbanAreas()
    {
        foreach (var (name, count) in _program.IndicatorUrbanCounts.Where(c => !c.Key.StartsWith('$')))
        {
            var indicator = db.ChangeTracker.Entries<Indicator>().Select(e => e.Entity).SingleOrDefault(i => i.Name == name)
                ?? throw new InvalidDataException($"indicatorUrbanCounts: không có chỉ tiêu '{name}'.");
            indicator.CountsUrbanAreas = true;
            indicator.CountsClass = count.GetProperty("class").GetString();
            indicator.CountsBasis = count.GetProperty("basis").GetString();
        }

        foreach (var a in _program.UrbanAreas)
        {
            foreach (var c in a.Classes)
            {
                var set = CriteriaSetReader.BuiltIn.FirstOrDefault(s => s.Basis == c.Basis);
                if (UrbanRegister.Check(new ClassRecord(c.Class, c.Basis, c.HeldFrom, c.RecognisedOn), set, null, DateOnly.MaxValue) is [var (field, message), ..])
                {
                    throw new InvalidDataException($"urbanAreas[{a.Name}].classes.{field}: {message}");
                }
            }

            var area = new UrbanArea
            {
                Name = a.Name,
                NameKey = VietnameseText.MatchKey(a.Name),
                FormerUnit = a.FormerUnit is null ? null : _units.Resolve(a.FormerUnit.Code, a.FormerUnit.On),
                AdministrativeUnit = a.Unit is null ? null : _units.Resolve(a.Unit.Code, a.Unit.On),
                Province = _units.Resolve(a.Province.Code, a.Province.On),
                Classes = [.. a.Classes.Select(c => new UrbanAreaClass
                {
                    Class = c.Class, Basis = c.Basis, HeldFrom = c.HeldFrom, RecognisedOn = c.RecognisedOn, Decision = c.Decision, Source = c.Source,
                })],
                Regions = a.Regions,
                Note = a.Note,
                Targets = [.. a.Targets.Select(t => new UrbanAreaTarget
                {
                    Year = t.Year,
                    Class = t.Class,
                    Basis = t.Basis,
                    UnitType = t.UnitType,
                    Directive = t.Directive is null ? null : _writer.KnownDirective(t.Directive)
                        ?? throw new InvalidDataException($"urbanAreas: văn bản {t.Directive} không có trong dữ liệu."),
                    Section = t.Section,
                    Quote = t.Quote,
                })],
            };
            db.UrbanAreas.Add(area);
        }
    }

    private void AddProjects()
    {
        foreach (var p in _program.Projects)
        {
            var project = new KeyProject
            {
                Name = p.Name,
                Kind = Core.Projects.ProjectNames.Kinds.Any(k => k.Code == p.Kind) ? p.Kind : throw new InvalidDataException($"projects[{p.Name}].kind: {p.Kind}"),
                FormerUnit = p.FormerUnit is null ? null : _units.Resolve(p.FormerUnit.Code, p.FormerUnit.On),
                AdministrativeUnit = p.Unit is null ? null : _units.Resolve(p.Unit.Code, p.Unit.On),
                Note = p.Note,
                Milestones = [.. p.Milestones.Select(m => new ProjectMilestone
                {
                    Kind = Core.Projects.ProjectNames.TryParseMilestone(m.Kind, out var kind) ? kind : throw new InvalidDataException($"projects[{p.Name}].milestones: {m.Kind}"),
                    PlannedOn = m.PlannedOn, AchievedOn = m.AchievedOn, Note = m.Note,
                })],
            };
            foreach (var quote in p.Tasks)
            {
                var matches = db.ChangeTracker.Entries<TaskItem>().Select(e => e.Entity)
                    .Where(t => t.Directive?.Number == quote.Directive && t.Text.Contains(quote.Quote, StringComparison.Ordinal)).ToList();
                project.Tasks.Add(matches is [var one] ? one
                    : throw new InvalidDataException($"projects[{p.Name}].tasks: {matches.Count} nhiệm vụ của {quote.Directive} có \"{quote.Quote}\"."));
            }

            db.KeyProjects.Add(project);
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
            var unit = a.Unit is null ? null : _units.Resolve(a.Unit.Code, a.Unit.On);
            var agency = new Agency
            {
                Name = a.Name,
                NameKey = VietnameseText.MatchKey(a.Name),
                ShortName = a.ShortName,
                Kind = AgencyKinds.All.Contains(a.Kind) ? a.Kind : throw new InvalidDataException($"Unknown agency kind {a.Kind}."),
                Parent = a.Parent is null ? null : _programAgencies[VietnameseText.MatchKey(a.Parent)],
                AdministrativeUnit = unit,
                ValidTo = unit?.ValidTo,
            };
            db.Agencies.Add(agency);
            _programAgencies[agency.NameKey] = agency;
            _writer.Know(agency);
        }
    }

    private Directive AddDirective(SeedDirectiveEntry entry, ExtractedDocument doc, string text)
    {
        var locality = _units.Resolve(entry.Locality.Code, entry.Locality.On);
        var issuer = entry.Issuer ?? doc.Issuer ?? throw new InvalidDataException($"{entry.Annotation}: no issuer.");
        var directive = new Directive
        {
            Kind = doc.Kind ?? "Văn bản",
            IssuerName = issuer,
            IssuerAgency = _writer.AgencyFor(issuer, entry.AgencyNames, locality),
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
        if (directive.Number is not null)
        {
            _writer.Know(directive);
        }

        return directive;
    }

    /// <summary>The direction and classification standards the clerk recorded for an indicator.</summary>
    private (Direction, List<string>) DescribeIndicator(string name)
    {
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

        return (direction, standards);
    }

    private static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json.Options)
        ?? throw new InvalidDataException($"{path} is empty.");
}
