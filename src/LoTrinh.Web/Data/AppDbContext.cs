using System.Text;
using LoTrinh.Core.Calendar;
using LoTrinh.Core.Deadlines;
using LoTrinh.Core.Reporting;
using LoTrinh.Core.Targets;
using LoTrinh.Web.Features.Accounts;
using LoTrinh.Web.Features.Agencies;
using LoTrinh.Web.Features.Calendar;
using LoTrinh.Web.Features.Classification;
using LoTrinh.Web.Features.Directives;
using LoTrinh.Web.Features.Extraction;
using LoTrinh.Web.Features.History;
using LoTrinh.Web.Features.Projects;
using LoTrinh.Web.Features.Reporting;
using LoTrinh.Web.Features.Targets;
using LoTrinh.Web.Features.Tasks;
using LoTrinh.Web.Features.Units;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LoTrinh.Web.Data;

/// <summary>
/// The database. Who is asking decides what every query sees and what a save may change: the rules are in
/// AppDbContext.Scope.cs, the one place for them. Without a request (command line, background work) it is the system.
/// </summary>
public sealed partial class AppDbContext(DbContextOptions<AppDbContext> options, ViewerAccessor? viewer = null, FiguresCache? figures = null)
    : IdentityUserContext<AppUser, long>(options), IDataProtectionKeyContext
{
    /// <summary>The server's kept results (null outside the web app: the command line computes every time).</summary>
    public FiguresCache? Figures => figures;

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AdministrativeUnit> Units => Set<AdministrativeUnit>();
    public DbSet<UnitLineage> UnitLineages => Set<UnitLineage>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Directive> Directives => Set<Directive>();
    public DbSet<DirectiveLink> DirectiveLinks => Set<DirectiveLink>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<TaskItem> Tasks => Set<TaskItem>();
    public DbSet<TaskAgency> TaskAgencies => Set<TaskAgency>();
    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();
    public DbSet<TaskAssignment> TaskAssignments => Set<TaskAssignment>();
    public DbSet<KeyProject> KeyProjects => Set<KeyProject>();
    public DbSet<ProjectMilestone> ProjectMilestones => Set<ProjectMilestone>();
    public DbSet<ProjectDisbursement> ProjectDisbursements => Set<ProjectDisbursement>();
    public DbSet<Photo> Photos => Set<Photo>();
    public DbSet<PhotoContent> PhotoContents => Set<PhotoContent>();
    public DbSet<Features.Incidents.Incident> Incidents => Set<Features.Incidents.Incident>();
    public DbSet<Features.Incidents.IncidentKind> IncidentKinds => Set<Features.Incidents.IncidentKind>();
    public DbSet<Features.Incidents.IncidentMeasure> IncidentMeasures => Set<Features.Incidents.IncidentMeasure>();
    public DbSet<UrbanArea> UrbanAreas => Set<UrbanArea>();
    public DbSet<UrbanAreaTarget> UrbanAreaTargets => Set<UrbanAreaTarget>();
    public DbSet<UrbanAreaClass> UrbanAreaClasses => Set<UrbanAreaClass>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<CriteriaSetVersion> CriteriaSets => Set<CriteriaSetVersion>();
    public DbSet<DocumentImport> DocumentImports => Set<DocumentImport>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<Features.Urging.UrgingRuleRow> UrgingRules => Set<Features.Urging.UrgingRuleRow>();
    public DbSet<Features.ProgressReports.ReportFormRow> ReportForms => Set<Features.ProgressReports.ReportFormRow>();
    public DbSet<Features.Urging.UrgingEntry> Urgings => Set<Features.Urging.UrgingEntry>();
    public DbSet<Features.Urging.Notification> Notifications => Set<Features.Urging.Notification>();
    public DbSet<Features.Urging.Digest> Digests => Set<Features.Urging.Digest>();
    public DbSet<Features.Urging.UrgingRun> UrgingRuns => Set<Features.Urging.UrgingRun>();
    public DbSet<ProgrammeSetting> ProgrammeSettings => Set<ProgrammeSetting>();
    public DbSet<DeadlineRoll> DeadlineRolls => Set<DeadlineRoll>();
    public DbSet<ReportingRegime> ReportingRegimes => Set<ReportingRegime>();
    public DbSet<ReportPeriod> ReportPeriods => Set<ReportPeriod>();
    public DbSet<AgencyReport> AgencyReports => Set<AgencyReport>();
    public DbSet<AgencyReportLine> AgencyReportLines => Set<AgencyReportLine>();
    public DbSet<AgencyReportEvent> AgencyReportEvents => Set<AgencyReportEvent>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(AuditSession.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.RoleCode).HasColumnName("role");
            e.Property(u => u.DigestFrequency).HasColumnName("digest");
            e.Property(u => u.CreatedAt).ValueGeneratedOnAdd();
        });
        builder.Entity<AccessToken>().Property(t => t.CreatedAt).ValueGeneratedOnAdd();
        builder.Entity<AuditEvent>(e =>
        {
            e.Property(a => a.Before).HasColumnType("jsonb");
            e.Property(a => a.After).HasColumnType("jsonb");
        });
        builder.Entity<UnitLineage>(e =>
        {
            e.HasKey(l => new { l.PredecessorId, l.SuccessorId });
            e.HasOne(l => l.Predecessor).WithMany().HasForeignKey(l => l.PredecessorId);
            e.HasOne(l => l.Successor).WithMany().HasForeignKey(l => l.SuccessorId);
        });
        builder.Entity<Directive>(e =>
        {
            e.Property(d => d.CreatedAt).ValueGeneratedOnAdd();
            e.HasMany(d => d.Links).WithOne(l => l.From).HasForeignKey(l => l.FromDirectiveId);
            e.HasMany(d => d.Objectives).WithOne(o => o.Directive).HasForeignKey(o => o.DirectiveId);
            e.Ignore(d => d.TextOnFile);
            e.Ignore(d => d.DisplayName);
        });
        builder.Entity<DirectiveLink>().HasOne(l => l.To).WithMany().HasForeignKey(l => l.ToDirectiveId);
        builder.Entity<Indicator>().Property(i => i.Direction)
            .HasConversion(d => d.Code(), s => ParseDirection(s));
        builder.Entity<Target>(e =>
        {
            e.Property(t => t.Comparator).HasConversion(c => c.Code(), s => ParseComparator(s));
            e.HasOne(t => t.Revises).WithMany().HasForeignKey(t => t.RevisesTargetId);
            e.Ignore(t => t.Spec);
        });
        builder.Entity<Measurement>(e =>
        {
            e.Property(m => m.EnteredAt).ValueGeneratedOnAdd();
            e.Property(m => m.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        });
        builder.Entity<TaskItem>(e =>
        {
            e.Property(t => t.DeadlinePrecision)
                .HasConversion(p => p.ToString().ToLowerInvariant(), s => Enum.Parse<DeadlinePrecision>(s, true));
            e.Property(t => t.CompletedOn);
            e.Property(t => t.OriginalDeadlineText);
            e.Property(t => t.OriginalDueOn);
            e.Property(t => t.CreatedAt).ValueGeneratedOnAdd();
            // Kept by a trigger on task_agency (migration 0009): never sent, read back after every save.
            e.Property(t => t.LeadAgencyId).ValueGeneratedOnAddOrUpdate();
            e.Property(t => t.LeadAgencyId).Metadata.SetBeforeSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
            e.Property(t => t.LeadAgencyId).Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
            // Kept by a trigger from due_on and the calendar (migration 0011), likewise.
            e.Property(t => t.DueRolledOn).ValueGeneratedOnAddOrUpdate();
            e.Property(t => t.DueRolledOn).Metadata.SetBeforeSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
            e.Property(t => t.DueRolledOn).Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
            e.HasMany(t => t.Agencies).WithOne(a => a.Task).HasForeignKey(a => a.TaskId);
            e.HasMany(t => t.ProgressUpdates).WithOne(p => p.Task).HasForeignKey(p => p.TaskId);
            e.Ignore(t => t.Deadline);
            e.Property(t => t.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        });
        builder.Entity<TaskAgency>(e =>
        {
            e.HasKey(a => new { a.TaskId, a.AgencyId });
            e.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId);
            e.HasOne(a => a.ReceivedFrom).WithMany().HasForeignKey(a => a.ReceivedFromAgencyId);
        });
        builder.Entity<TaskAssignment>(e =>
        {
            e.Property(a => a.CreatedAt).ValueGeneratedOnAdd();
            e.HasOne(a => a.LeadAgency).WithMany().HasForeignKey(a => a.LeadAgencyId);
        });
        builder.Entity<Agency>().HasOne(a => a.Successor).WithMany().HasForeignKey(a => a.SuccessorId);
        builder.Entity<ProgressUpdate>().Property(p => p.CreatedAt).ValueGeneratedOnAdd();
        builder.Entity<KeyProject>(e =>
        {
            e.HasOne(p => p.AdministrativeUnit).WithMany().HasForeignKey(p => p.AdministrativeUnitId);
            e.HasOne(p => p.FormerUnit).WithMany().HasForeignKey(p => p.FormerUnitId);
            e.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.ProjectId);
            e.HasMany(p => p.Disbursements).WithOne().HasForeignKey(d => d.ProjectId);
            e.HasMany(p => p.Tasks).WithMany().UsingEntity(
                "project_task",
                r => r.HasOne(typeof(TaskItem)).WithMany().HasForeignKey("task_id"),
                l => l.HasOne(typeof(KeyProject)).WithMany().HasForeignKey("project_id"));
            e.Property(p => p.Site).HasColumnType("jsonb").HasConversion(
                v => v == null ? null : System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null),
                v => v == null ? null : System.Text.Json.JsonSerializer.Deserialize<List<decimal[]>>(v, (System.Text.Json.JsonSerializerOptions?)null),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<decimal[]>?>(
                    (a, b) => (a == null && b == null) || (a != null && b != null && a.Count == b.Count && a.Zip(b).All(p => p.First.SequenceEqual(p.Second))),
                    v => v == null ? 0 : v.Count,
                    v => v == null ? null : v.Select(p => p.ToArray()).ToList()));
            e.Property(p => p.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        });
        builder.Entity<ProjectMilestone>().Property(m => m.Kind)
            .HasConversion(SnakeCaseEnum<Core.Projects.MilestoneKind>());
        builder.Entity<Photo>(e =>
        {
            e.Property(p => p.UploadedAt).ValueGeneratedOnAdd();
            e.HasOne(p => p.Content).WithOne().HasForeignKey<PhotoContent>(c => c.PhotoId);
        });
        builder.Entity<PhotoContent>().HasKey(c => c.PhotoId);
        builder.Entity<Features.Incidents.Incident>(e =>
        {
            e.Property(i => i.ReportedAt).ValueGeneratedOnAdd();
            e.HasOne(i => i.Kind).WithMany().HasForeignKey(i => i.KindCode);
            e.HasMany(i => i.Measures).WithOne().HasForeignKey(m => m.IncidentId);
            e.HasMany(i => i.Photos).WithOne().HasForeignKey(p => p.IncidentId);
            e.Property(i => i.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        });
        builder.Entity<Features.Incidents.IncidentKind>().HasKey(k => k.Code);
        builder.Entity<Features.Incidents.IncidentMeasure>().Property(m => m.Kind)
            .HasConversion(SnakeCaseEnum<Core.Incidents.MeasureKind>());

        builder.Entity<UrbanArea>(e =>
        {
            e.HasOne(a => a.FormerUnit).WithMany().HasForeignKey(a => a.FormerUnitId);
            e.HasOne(a => a.AdministrativeUnit).WithMany().HasForeignKey(a => a.AdministrativeUnitId);
            e.HasOne(a => a.Province).WithMany().HasForeignKey(a => a.ProvinceId);
            e.HasMany(a => a.Targets).WithOne().HasForeignKey(t => t.UrbanAreaId);
            e.HasMany(a => a.Classes).WithOne().HasForeignKey(c => c.UrbanAreaId);
            e.Property(a => a.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        });
        builder.Entity<Assessment>(e =>
        {
            e.Property(a => a.Input).HasColumnType("jsonb");
            e.Property(a => a.Result).HasColumnType("jsonb");
            e.Property(a => a.CreatedAt).ValueGeneratedOnAdd();
        });
        builder.Entity<CriteriaSetVersion>(e =>
        {
            e.Property(c => c.UploadedAt).ValueGeneratedOnAdd();
        });

        builder.Entity<DocumentImport>(e =>
        {
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Draft).HasColumnType("jsonb");
            e.Property(i => i.Warnings).HasColumnType("jsonb");
            e.Property(i => i.CreatedAt).ValueGeneratedOnAdd();
            e.Property(i => i.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        });

        builder.Entity<CalendarYear>(e =>
        {
            e.HasKey(y => y.Year);
            e.Property(y => y.Year).ValueGeneratedNever();
            e.Property(y => y.UpdatedAt).ValueGeneratedOnAdd();
            e.HasMany(y => y.Days).WithOne().HasForeignKey(d => d.Year);
        });
        builder.Entity<ProgrammeSetting>(e => e.Property(s => s.UpdatedAt).ValueGeneratedOnAdd());
        builder.Entity<DeadlineRoll>(e => e.HasKey(r => r.Day));
        builder.Entity<CalendarDayRow>(e =>
        {
            e.HasKey(d => d.Day);
            e.Property(d => d.Kind).HasConversion(SnakeCaseEnum<DayKind>());
        });
        builder.Entity<ReportingRegime>(e =>
        {
            e.Property(r => r.Kind).HasConversion(SnakeCaseEnum<RegimeKind>());
            e.Property(r => r.Frequency).HasConversion(SnakeCaseEnum<ReportingFrequency>());
            e.Property(r => r.CutOff).HasConversion(SnakeCaseEnum<CutOffRule>());
            e.Property(r => r.DeadlineRule).HasConversion(SnakeCaseEnum<DeadlineRule>());
            e.Property(r => r.CreatedAt).ValueGeneratedOnAdd();
            e.Ignore(r => r.Submission);
            e.HasMany(r => r.Indicators).WithOne().HasForeignKey(i => i.RegimeId);
        });
        builder.Entity<ReportPeriod>(e =>
        {
            e.Property(p => p.OpenedAt).ValueGeneratedOnAdd();
            e.HasMany(p => p.Reports).WithOne(r => r.Period).HasForeignKey(r => r.PeriodId);
        });
        builder.Entity<AgencyReport>(e =>
        {
            e.Property(r => r.State).HasConversion(SnakeCaseEnum<ReportState>());
            e.Property(r => r.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
            e.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReportId);
            e.HasMany(r => r.Events).WithOne().HasForeignKey(v => v.ReportId);
            e.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.ReportId);
            e.HasMany(r => r.Values).WithOne().HasForeignKey(v => v.ReportId);
        });
        builder.Entity<AgencyReportLine>(e =>
        {
            e.HasKey(l => new { l.ReportId, l.TaskId });
            e.Property(l => l.Claimed).HasConversion(SnakeCaseEnum<ClaimedProgress>());
        });
        builder.Entity<AgencyReportEvent>().Property(v => v.At).ValueGeneratedOnAdd();
        builder.Entity<EvidenceFile>(e =>
        {
            e.Property(f => f.Kind).HasConversion(SnakeCaseEnum<EvidenceKind>());
            e.Property(f => f.UploadedAt).ValueGeneratedOnAdd();
            e.HasOne(f => f.Content).WithOne().HasForeignKey<EvidenceContent>(c => c.FileId);
        });
        builder.Entity<EvidenceContent>().HasKey(c => c.FileId);
        builder.Entity<RegimeIndicator>().HasKey(i => new { i.RegimeId, i.IndicatorId });
        builder.Entity<AgencyReportValue>().HasKey(v => new { v.ReportId, v.IndicatorId, v.AdministrativeUnitId });
        builder.Entity<Features.Urging.UrgingRuleRow>(e => e.Property(r => r.UpdatedAt).ValueGeneratedOnAdd());
        builder.Entity<Features.Urging.UrgingEntry>(e =>
        {
            e.Property(u => u.Kind).HasConversion(SnakeCaseEnum<Core.Urging.UrgeKind>());
            e.Property(u => u.Audience).HasConversion(SnakeCaseEnum<Core.Urging.Audience>());
            e.Property(u => u.CreatedAt).ValueGeneratedOnAdd();
            e.HasMany(u => u.Notifications).WithOne(n => n.Urging).HasForeignKey(n => n.UrgingId);
        });
        builder.Entity<Features.Urging.Notification>().HasKey(n => new { n.UserId, n.UrgingId });
        builder.Entity<Features.Urging.Digest>().HasKey(d => new { d.UserId, d.Day });
        builder.Entity<Features.Urging.UrgingRun>(e =>
        {
            e.HasKey(r => r.Day);
            e.Property(r => r.FinishedAt).ValueGeneratedOnAdd();
        });

        ApplyScope(builder);
        ApplySnakeCaseNames(builder);
        builder.Entity<CalendarDayRow>().ToTable("calendar_day");
        builder.Entity<Features.Urging.UrgingRuleRow>().ToTable("urging_rule");
        builder.Entity<Features.ProgressReports.ReportFormRow>(e =>
        {
            e.ToTable("report_form");
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.UpdatedAt).ValueGeneratedOnAdd();
            e.Ignore(r => r.Form);
            e.Property(r => r.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        });
        builder.Entity<Features.Urging.UrgingEntry>().ToTable("urging");
        builder.Entity<ReportPeriod>().ToTable("reporting_period");
        builder.Entity<EvidenceFile>().ToTable("agency_report_file");
        builder.Entity<RegimeIndicator>().ToTable("reporting_regime_indicator");
        builder.Entity<EvidenceContent>().ToTable("agency_report_file_content");
        builder.Entity<IdentityUserClaim<long>>().ToTable("user_claim");
        builder.Entity<IdentityUserLogin<long>>().ToTable("user_login");
        builder.Entity<IdentityUserToken<long>>().ToTable("user_token");
    }

    /// <summary>An enum stored as its name in snake_case ("HalfYear" as half_year), as the schema's checks list them.</summary>
    private static ValueConverter<TEnum, string> SnakeCaseEnum<TEnum>()
        where TEnum : struct, Enum =>
        new(v => SnakeCase(v.ToString()).ToLowerInvariant(), s => Enum.Parse<TEnum>(s.Replace("_", "", StringComparison.Ordinal), true));

    private static Direction ParseDirection(string code) =>
        ComparatorCodes.TryParse(code, out Direction d) ? d : throw new InvalidOperationException($"direction {code}");

    private static Comparator ParseComparator(string code) =>
        ComparatorCodes.TryParse(code, out Comparator c) ? c : throw new InvalidOperationException($"comparator {code}");

    /// <summary>The schema is written by hand in SQL with snake_case names; map every name to it.</summary>
    private static void ApplySnakeCaseNames(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (!entity.HasSharedClrType)
            {
                entity.SetTableName(SnakeCase(entity.ClrType.Name));
            }

            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.GetColumnName()));
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && name[i - 1] != '_')
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
