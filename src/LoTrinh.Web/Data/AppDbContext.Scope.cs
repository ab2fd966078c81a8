using LoTrinh.Core.Accounts;
using LoTrinh.Web.Features.Accounts;
using LoTrinh.Web.Features.Directives;
using LoTrinh.Web.Features.Reporting;
using LoTrinh.Web.Features.Targets;
using LoTrinh.Web.Features.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Data;

/// <summary>
/// Scope, in one place. Reads: query filters on every scoped entity, so no page or endpoint can forget
/// them and a record out of scope is simply not found (404, its existence not leaked). Writes: every save
/// is checked against the viewer before it reaches the database.
/// </summary>
public sealed partial class AppDbContext
{
    /// <summary>The filter hiding soft-deleted rows; history and restore look past it.</summary>
    public const string DeletedFilter = "deleted";

    /// <summary>The filter hiding what the viewer may not see.</summary>
    public const string ScopeFilter = "scope";

    // Rows the framework writes on a person's behalf (Identity's, and the data-protection key ring, created by
    // whichever request first needs a key), guarded by their own rules rather than by scope.
    private static readonly HashSet<Type> AccountTypes =
        [typeof(AppUser), typeof(AccessToken), typeof(IdentityUserClaim<long>), typeof(IdentityUserLogin<long>), typeof(IdentityUserToken<long>),
         typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)];

    private readonly Viewer _cliViewer = Viewer.System("Hệ thống (dòng lệnh)");

    public Viewer Viewer => viewer?.Current ?? _cliViewer;

    // Read by the query filters as parameters of each query, so they follow the viewer of this request.
    // InAgencyScope guards every agency clause: the public's and the administrators' queries then carry a
    // constant PostgreSQL folds away, instead of subqueries it must plan (and hash) for agency id 0.
    private bool ReadsAll => Viewer.Scope == ReadScope.All;
    private bool InAgencyScope => Viewer.Scope == ReadScope.Agency;
    private bool ReadsPublished => Viewer.Scope == ReadScope.Published;
    private long ScopeAgencyId => Viewer.Scope == ReadScope.Agency ? Viewer.AgencyId ?? 0 : 0;
    private long ScopeUnitId => Viewer.Scope == ReadScope.Agency ? Viewer.UnitId ?? 0 : 0;

    private void ApplyScope(ModelBuilder builder)
    {
        // Public: published directives. Agency: those too, any that gives the agency (or a body under it) a task, and its own.
        builder.Entity<Directive>().HasQueryFilter(ScopeFilter, d => ReadsAll || d.Published
            || (InAgencyScope && (Tasks.Any(t => t.DirectiveId == d.Id && t.Agencies.Any(a => a.AgencyId == ScopeAgencyId || a.Agency.ParentId == ScopeAgencyId))
                || d.IssuerAgencyId == ScopeAgencyId)));
        builder.Entity<Objective>().HasQueryFilter(ScopeFilter, o => Directives.Any(d => d.Id == o.DirectiveId));
        builder.Entity<DirectiveLink>().HasQueryFilter(ScopeFilter, l => Directives.Any(d => d.Id == l.FromDirectiveId));

        builder.Entity<Target>().HasQueryFilter(DeletedFilter, t => t.DeletedAt == null);
        builder.Entity<Target>().HasQueryFilter(ScopeFilter, t => Directives.Any(d => d.Id == t.DirectiveId));

        // Agency: the tasks where it, or a body under it (a commune's offices under its UBND), is lead, co-lead or
        // cooperating. Public: none (working data). A task's agency rows are read through the task (a filter of
        // their own would refer back to the tasks: a cycle).
        builder.Entity<TaskItem>().HasQueryFilter(DeletedFilter, t => t.DeletedAt == null);
        builder.Entity<TaskItem>().HasQueryFilter(ScopeFilter, t => ReadsAll
            || (InAgencyScope && t.Agencies.Any(a => a.AgencyId == ScopeAgencyId || a.Agency.ParentId == ScopeAgencyId)));
        builder.Entity<ProgressUpdate>().HasQueryFilter(DeletedFilter, p => p.DeletedAt == null);
        builder.Entity<ProgressUpdate>().HasQueryFilter(ScopeFilter, p => Tasks.Any(t => t.Id == p.TaskId));

        // Agency: its own reports of the reporting cycle. Public: none.
        builder.Entity<AgencyReport>().HasQueryFilter(ScopeFilter, r => ReadsAll || (InAgencyScope && r.AgencyId == ScopeAgencyId));
        builder.Entity<EvidenceFile>().HasQueryFilter(DeletedFilter, f => f.DeletedAt == null);

        // Agency: the urges about its own work. Public: none.
        builder.Entity<Features.Urging.UrgingEntry>().HasQueryFilter(ScopeFilter, u => ReadsAll || (InAgencyScope && u.AgencyId == ScopeAgencyId));

        // Agency: the figures of its unit and the units under it. Public: the approved figures (not an agency's own
        // entry until the secretariat approves it).
        builder.Entity<Measurement>().HasQueryFilter(DeletedFilter, m => m.DeletedAt == null);
        builder.Entity<Measurement>().HasQueryFilter(ScopeFilter, m => ReadsAll || (ReadsPublished && !m.AwaitingApproval)
            || (InAgencyScope && Units.Any(u => u.Id == m.AdministrativeUnitId && (u.Id == ScopeUnitId || u.ParentId == ScopeUnitId || u.Parent!.ParentId == ScopeUnitId))));

        // Public: the projects published on the portal. Agencies read every project (their tasks hang on them).
        builder.Entity<Features.Projects.KeyProject>().HasQueryFilter(ScopeFilter, p => !ReadsPublished || p.Published);
        builder.Entity<Features.Projects.ProjectMilestone>().HasQueryFilter(ScopeFilter, m => KeyProjects.Any(p => p.Id == m.ProjectId));
        builder.Entity<Features.Projects.ProjectDisbursement>().HasQueryFilter(ScopeFilter, d => KeyProjects.Any(p => p.Id == d.ProjectId));

        // Agency: the incidents it handles or reported, and those in its localities. Public: none (working data).
        builder.Entity<Features.Incidents.Incident>().HasQueryFilter(ScopeFilter, i => ReadsAll
            || (InAgencyScope && (i.AgencyId == ScopeAgencyId || i.ReportedByAgencyId == ScopeAgencyId
                || Units.Any(u => u.Id == i.AdministrativeUnitId && (u.Id == ScopeUnitId || u.ParentId == ScopeUnitId || u.Parent!.ParentId == ScopeUnitId)))));
        builder.Entity<Features.Incidents.IncidentMeasure>().HasQueryFilter(ScopeFilter, m => Incidents.Any(i => i.Id == m.IncidentId));
        builder.Entity<Features.Projects.Photo>().HasQueryFilter(ScopeFilter, f => (f.IncidentId != null && Incidents.Any(i => i.Id == f.IncidentId))
            || (f.ProjectId != null && KeyProjects.Any(p => p.Id == f.ProjectId)));
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        CheckedSaveAsync(acceptAllChangesOnSuccess, cancellationToken);

    /// <summary>
    /// Only for rows that need no reading to check (the framework's own: Identity's, the data-protection key
    /// ring, which saves synchronously); everything else goes through <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .All(e => AccountTypes.Contains(e.Metadata.ClrType))
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new NotSupportedException("Use SaveChangesAsync: the scope check reads the database.");

    private async Task<int> CheckedSaveAsync(bool acceptAll, CancellationToken ct)
    {
        var viewer = Viewer;
        if (!viewer.Can(Permission.ManageProgramme))
        {
            foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
            {
                if (!AccountTypes.Contains(entry.Metadata.ClrType) && !await MayWriteAsync(viewer, entry, ct))
                {
                    throw new OutOfScopeException(entry.Metadata.ClrType.Name);
                }
            }
        }

        return await base.SaveChangesAsync(acceptAll, ct);
    }

    /// <summary>What a reporter (officer, head) may write: progress and completion of its tasks, figures of its localities.</summary>
    private async Task<bool> MayWriteAsync(Viewer viewer, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, CancellationToken ct)
    {
        if (!viewer.Can(Permission.ReportProgress))
        {
            return false;
        }

        return entry.Entity switch
        {
            ProgressUpdate p when entry.State is EntityState.Added => await Tasks.AnyAsync(t => t.Id == p.TaskId, ct),
            TaskItem t when entry.State is EntityState.Modified && OnlyChanged(entry, nameof(TaskItem.CompletedOn)) =>
                await Tasks.AnyAsync(x => x.Id == t.Id, ct),
            // Its own report of a period: the draft's lines and the report's state (the cycle's rules are ReportingCycle's).
            AgencyReport r when entry.State is EntityState.Modified => r.AgencyId == ScopeAgencyId
                && (long)entry.Property(nameof(AgencyReport.AgencyId)).OriginalValue! == ScopeAgencyId,
            AgencyReportLine l when entry.State is EntityState.Modified => await AgencyReports.AnyAsync(r => r.Id == l.ReportId, ct),
            AgencyReportValue v when entry.State is EntityState.Modified => await AgencyReports.AnyAsync(r => r.Id == v.ReportId, ct),
            AgencyReportEvent v when entry.State is EntityState.Added => await AgencyReports.AnyAsync(r => r.Id == v.ReportId, ct),
            EvidenceFile f when entry.State is not EntityState.Deleted => await AgencyReports.AnyAsync(r => r.Id == f.ReportId, ct),
            EvidenceContent c when entry.State is EntityState.Added => await EvidenceFiles.AnyAsync(f => f.Id == c.FileId && AgencyReports.Any(r => r.Id == f.ReportId), ct)
                || ChangeTracker.Entries<EvidenceFile>().Any(f => f.Entity.Content == c),
            // The field: an officer reports an incident (and its photos); the agency it was given to records its measures and resolution.
            Features.Incidents.Incident i when entry.State is EntityState.Added => i.ReportedByAgencyId == ScopeAgencyId && i.AgencyId == null,
            Features.Incidents.Incident i when entry.State is EntityState.Modified =>
                i.AgencyId == ScopeAgencyId && OnlyChanged(entry, nameof(Features.Incidents.Incident.ResolvedOn), nameof(Features.Incidents.Incident.Resolution)),
            Features.Incidents.IncidentMeasure m when entry.State is EntityState.Added => await Incidents.AnyAsync(i => i.Id == m.IncidentId && i.AgencyId == ScopeAgencyId, ct),
            Features.Projects.Photo f when entry.State is EntityState.Added => ChangeTracker.Entries<Features.Incidents.Incident>().Any(i => i.Entity.Photos.Contains(f))
                || (f.IncidentId is { } incident && await Incidents.AnyAsync(i => i.Id == incident, ct)),
            Features.Projects.PhotoContent c when entry.State is EntityState.Added => ChangeTracker.Entries<Features.Projects.Photo>().Any(f => f.Entity.Content == c),
            Measurement m when entry.State is not EntityState.Deleted => await UnitInScopeAsync(m.AdministrativeUnitId, ct)
                && (entry.State is EntityState.Added || await UnitInScopeAsync((long)entry.Property(nameof(Measurement.AdministrativeUnitId)).OriginalValue!, ct)),
            _ => false,
        };
    }

    private static bool OnlyChanged(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, params string[] properties) =>
        entry.Properties.Where(p => p.IsModified).All(p => properties.Contains(p.Metadata.Name));

    /// <summary>The unit is the agency's or under it: the measurement filter's rule, for a row not yet written.</summary>
    private Task<bool> UnitInScopeAsync(long unitId, CancellationToken ct) => ReadsAll
        ? Task.FromResult(true)
        : Units.AnyAsync(u => u.Id == unitId && (u.Id == ScopeUnitId || u.ParentId == ScopeUnitId || u.Parent!.ParentId == ScopeUnitId), ct);
}

/// <summary>A write outside the viewer's scope. Answered as 404, like a read of a record out of scope.</summary>
public sealed class OutOfScopeException(string entity) : Exception($"{entity} is outside the viewer's scope.");
