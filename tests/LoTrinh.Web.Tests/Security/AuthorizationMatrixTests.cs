using System.Net;
using System.Net.Http.Json;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Features.Accounts;
using LoTrinh.Web.Features.Targets;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoTrinh.Web.Tests.Security;

/// <summary>
/// Every write endpoint of the API and every page handler that is not GET, called as the public and as each
/// role (officers and heads also on a record outside their agency's scope). The list of calls is read from
/// the application's endpoints: one without a rule here fails the test, so no new write can be left open.
/// </summary>
public sealed class AuthorizationMatrixTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Who may call: roles (null is the public); Scoped: officers and heads only on their agency's records.</summary>
    private sealed record Rule(Role?[] Allowed, bool Scoped, Func<Call, Task<HttpRequestMessage>> Request);

    /// <summary>One call: as whom, and on a record inside or outside the caller's scope.</summary>
    private sealed record Call(Role? Role, bool InScope, Fixtures Data);

    private static readonly Role?[] Anyone = [null, .. Roles.All.Cast<Role?>()];
    private static readonly Role?[] SignedIn = [.. Roles.All.Cast<Role?>()];
    private static readonly Role?[] Programme = [Role.Administrator, Role.Secretariat];
    private static readonly Role?[] Reporters = [Role.Administrator, Role.Secretariat, Role.AgencyHead, Role.AgencyOfficer];
    private static readonly Role?[] Readers = [Role.Administrator, Role.Leadership, Role.Secretariat, Role.AgencyHead, Role.AgencyOfficer];
    private static readonly Role?[] AccountAdmins = [Role.Administrator];
    private static readonly Role?[] Submitters = [Role.Administrator, Role.AgencyHead];

    private static Dictionary<string, Rule> Rules() => new(StringComparer.Ordinal)
    {
        // API
        ["POST /api/directives/"] = new(Programme, false, _ => Json(HttpMethod.Post, "/api/directives", new { })),
        ["POST /api/directives/{id:id}/links"] = new(Programme, false, c => Json(HttpMethod.Post, $"/api/directives/{c.Data.DirectiveId}/links", new { })),
        ["POST /api/directives/{id:id}/publish"] = new(Programme, false, c => Json(HttpMethod.Post, $"/api/directives/{c.Data.DirectiveId}/publish", new { published = true })),
        ["POST /api/targets/"] = new(Programme, false, _ => Json(HttpMethod.Post, "/api/targets", new { })),
        ["POST /api/tasks/assign"] = new(Programme, false, _ => Json(HttpMethod.Post, "/api/tasks/assign", new { })),
        ["POST /api/agencies/{id:id}/succession"] = new(Programme, false, c => Json(HttpMethod.Post, $"/api/agencies/{c.Data.AgencyId}/succession", new { })),
        ["POST /api/agencies/{id:id}/merge"] = new(Programme, false, c => Json(HttpMethod.Post, $"/api/agencies/{c.Data.AgencyId}/merge", new { })),
        ["POST /api/tasks/"] = new(Programme, false, _ => Json(HttpMethod.Post, "/api/tasks", new { })),
        ["PUT /api/report-form"] = new(Programme, false, _ => Json(HttpMethod.Put, "/api/report-form", new { })),
        ["POST /api/tasks/export"] = new(Readers, false, _ => Json(HttpMethod.Post, "/api/tasks/export", new { })),
        ["PUT /api/tasks/{id:id}"] = new(Programme, false, c => Json(HttpMethod.Put, $"/api/tasks/{c.Data.OwnTaskId}", new { })),
        ["POST /api/tasks/{id:id}/restore"] = new(Programme, false, async c => new(HttpMethod.Post, $"/api/tasks/{await c.Data.NewDeletedTaskAsync()}/restore")),
        ["POST /api/measurements/{id:id}/approve"] = new(Programme, false, async c => new(HttpMethod.Post, $"/api/measurements/{(await c.Data.NewMeasurementAsync(true)).Id}/approve")),
        ["POST /api/indicators/{id:id}/approve"] = new(Programme, false, c => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/indicators/{c.Data.IndicatorId}/approve"))),
        ["POST /Indicators/Details Approve"] = new(Programme, false, c => Form($"/Indicators/Details/{c.Data.IndicatorId}?handler=Approve", [])),
        ["POST /Indicators/Measurement Approve"] = new(Programme, false, async c => await Form($"/Indicators/Measurement/{(await c.Data.NewMeasurementAsync(true)).Id}?handler=Approve", [])),
        ["POST /api/measurements/{id:id}/restore"] = new(Reporters, true, async c => new(HttpMethod.Post, $"/api/measurements/{await c.Data.NewDeletedMeasurementAsync(c.InScope)}/restore")),
        ["POST /Indicators/Details Restore"] = new(Reporters, true, async c => await Form($"/Indicators/Details/{c.Data.IndicatorId}?handler=Restore&measurement={await c.Data.NewDeletedMeasurementAsync(c.InScope)}", [])),
        ["POST /Tasks/Index Restore"] = new(Programme, false, async c => await Form($"/Tasks?handler=Restore&id={await c.Data.NewDeletedTaskAsync()}", [])),
        ["DELETE /api/tasks/{id:id}"] = new(Programme, false, async c => new(HttpMethod.Delete, $"/api/tasks/{await c.Data.NewTaskAsync(true)}")),
        ["POST /api/tasks/{id:id}/progress"] = new(Reporters, true, async c => await Json(HttpMethod.Post, $"/api/tasks/{c.Data.TaskFor(c)}/progress", new { text = "Đang thực hiện" })),
        ["POST /api/tasks/{id:id}/complete"] = new(Reporters, true, async c => await Json(HttpMethod.Post, $"/api/tasks/{c.Data.TaskFor(c)}/complete", new { on = "2024-01-15" })),
        // A bulk import checks each row's unit against the caller's scope and lists the rows outside it (400): MeasurementImportTests.
        ["POST /api/measurements/import"] = new(Reporters, false, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/measurements/import") { Content = new MultipartFormDataContent() })),
        ["POST /api/measurements/"] = new(Reporters, true, c => Json(HttpMethod.Post, "/api/measurements", c.Data.NewMeasurementInput(c.InScope))),
        ["PUT /api/measurements/{id:id}"] = new(Reporters, true, async c =>
        {
            var (id, version) = await c.Data.NewMeasurementAsync(c.InScope);
            return await Json(HttpMethod.Put, $"/api/measurements/{id}", new { value = 61.5m, source = "Cục Thống kê", version });
        }),
        ["DELETE /api/measurements/{id:id}"] = new(Reporters, true, async c => new(HttpMethod.Delete, $"/api/measurements/{(await c.Data.NewMeasurementAsync(c.InScope)).Id}")),
        ["POST /api/classification/sets"] = new(Programme, false, _ => Json(HttpMethod.Post, "/api/classification/sets", new { })),
        ["POST /api/classification/sets/activate"] = new(Programme, false, _ => Json(HttpMethod.Post, "/api/classification/sets/activate", new { basis = "111/2025" })),
        ["POST /api/classification/assess"] = new(Readers, false, _ => Json(HttpMethod.Post, "/api/classification/assess", new { })),
        ["POST /api/urban-areas/{id:id}/assessments"] = new(Programme, false, c => Json(HttpMethod.Post, $"/api/urban-areas/{c.Data.UrbanAreaId}/assessments", new { })),
        ["POST /api/units/{id:id}/assessments"] = new(Programme, false, c => Json(HttpMethod.Post, $"/api/units/{c.Data.UrbanAreaId}/assessments", new { })),
        ["POST /api/urban-areas/import"] = new(Programme, false, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/urban-areas/import") { Content = new MultipartFormDataContent() })),
        ["POST /Classification/Index Import"] = new(Programme, false, _ => Form("/Classification?handler=Import", [])),
        ["POST /api/urban-areas/"] = new(Programme, false, _ => Json(HttpMethod.Post, "/api/urban-areas", new { })),
        ["POST /api/projects/"] = new(Programme, false, _ => Json(HttpMethod.Post, "/api/projects", new { })),
        ["PUT /api/projects/{id:id}"] = new(Programme, false, c => Json(HttpMethod.Put, $"/api/projects/{c.Data.ProjectId}", new { })),
        ["PUT /api/projects/{id:id}/point"] = new(Programme, false, c => Json(HttpMethod.Put, $"/api/projects/{c.Data.ProjectId}/point", new { latitude = 48.8 })),
        ["PUT /api/projects/{id:id}/milestones/{kind}"] = new(Programme, false, c => Json(HttpMethod.Put, $"/api/projects/{c.Data.ProjectId}/milestones/bogus", new { })),
        ["PUT /api/projects/{id:id}/disbursements/{year:int}"] = new(Programme, false, c => Json(HttpMethod.Put, $"/api/projects/{c.Data.ProjectId}/disbursements/2024", new { })),
        ["POST /api/projects/{id:id}/tasks"] = new(Programme, false, c => Json(HttpMethod.Post, $"/api/projects/{c.Data.ProjectId}/tasks", new { })),
        ["DELETE /api/projects/{id:id}/tasks/{taskId:id}"] = new(Programme, false, c => Task.FromResult(new HttpRequestMessage(HttpMethod.Delete, $"/api/projects/{c.Data.ProjectId}/tasks/999999999"))),
        ["POST /api/projects/{id:id}/photos"] = new(Programme, false, c => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/projects/{c.Data.ProjectId}/photos") { Content = new MultipartFormDataContent() })),
        ["POST /api/projects/import"] = new(Programme, false, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/projects/import") { Content = new MultipartFormDataContent() })),
        ["POST /api/incidents/"] = new(Reporters, false, _ => Json(HttpMethod.Post, "/api/incidents", new { })),
        ["POST /api/incidents/{id:id}/photos"] = new(Reporters, true, c => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{c.Data.IncidentFor(c)}/photos")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent("not a photo"u8.ToArray()), "file", "anh.jpg" } },
        })),
        ["POST /api/incidents/{id:id}/assign"] = new(Programme, false, c => Json(HttpMethod.Post, $"/api/incidents/{c.Data.OwnIncidentId}/assign", new { })),
        ["POST /api/incidents/{id:id}/measures"] = new(Reporters, true, c => Json(HttpMethod.Post, $"/api/incidents/{c.Data.IncidentFor(c)}/measures", new { })),
        ["POST /api/incidents/{id:id}/resolve"] = new(Reporters, true, c => Json(HttpMethod.Post, $"/api/incidents/{c.Data.IncidentFor(c)}/resolve", new { resolvedOn = "x" })),
        ["PUT /api/incident-kinds"] = new(Programme, false, _ => Json(HttpMethod.Put, "/api/incident-kinds", new { })),
        ["PUT /api/units/{id:id}/seat"] = new(Programme, false, c => Json(HttpMethod.Put, $"/api/units/{c.Data.UnitId}/seat", new { latitude = 48.8 })),
        ["PUT /api/urban-areas/{id:id}"] = new(Programme, false, c => Json(HttpMethod.Put, $"/api/urban-areas/{c.Data.UrbanAreaId}", new { })),
        ["POST /api/urban-areas/{id:id}/classes"] = new(Programme, false, c => Json(HttpMethod.Post, $"/api/urban-areas/{c.Data.UrbanAreaId}/classes", new { })),
        ["POST /api/urban-areas/{id:id}/retire"] = new(Programme, false, c => Json(HttpMethod.Post, $"/api/urban-areas/{c.Data.UrbanAreaId}/retire", new { })),
        ["POST /api/imports/"] = new(Programme, false, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = new MultipartFormDataContent() })),
        ["POST /api/imports/{id:guid}/save"] = new(Programme, false, async c => await Json(HttpMethod.Post, $"/api/imports/{await c.Data.NewImportAsync()}/save", new { })),
        ["DELETE /api/imports/{id:guid}"] = new(Programme, false, async c => new(HttpMethod.Delete, $"/api/imports/{await c.Data.NewImportAsync()}")),
        ["POST /api/account/password"] = new(SignedIn, false, _ => Json(HttpMethod.Post, "/api/account/password", new { })),
        ["POST /api/account/sign-out-everywhere"] = new(SignedIn, false, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-out-everywhere"))),
        ["POST /api/account/tokens"] = new(SignedIn, false, _ => Json(HttpMethod.Post, "/api/account/tokens", new { })),
        ["DELETE /api/account/tokens/{id:id}"] = new(SignedIn, false, async c => new(HttpMethod.Delete, $"/api/account/tokens/{await c.Data.NewTokenAsync(c.Role)}")),
        ["POST /api/users/"] = new(AccountAdmins, false, _ => Json(HttpMethod.Post, "/api/users", new { })),
        ["POST /api/users/{id:id}/reset-password"] = new(AccountAdmins, false, c => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/users/{c.Data.SpareUserId}/reset-password"))),
        ["POST /api/users/{id:id}/lock"] = new(AccountAdmins, false, c => Json(HttpMethod.Post, $"/api/users/{c.Data.SpareUserId}/lock", new { locked = false })),
        ["POST /api/reporting/regimes"] = new(Programme, false, _ => Json(HttpMethod.Post, "/api/reporting/regimes", new { })),
        ["POST /api/reporting/open"] = new(Programme, false, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/reporting/open"))),
        ["POST /api/reporting/periods/{id:id}/close"] = new(Programme, false, async c => await Json(HttpMethod.Post, $"/api/reporting/periods/{await c.Data.NewPeriodAsync()}/close", new { })),
        ["POST /api/reporting/periods/{id:id}/reopen"] = new(Programme, false, async c => await Json(HttpMethod.Post, $"/api/reporting/periods/{await c.Data.NewPeriodAsync()}/reopen", new { })),
        ["PUT /api/reporting/reports/{id:id}"] = new(Reporters, true, async c => await Json(HttpMethod.Put, $"/api/reporting/reports/{await c.Data.NewReportAsync(c.InScope)}", new { })),
        ["POST /api/reporting/reports/{id:id}/form.xlsx"] = new(Reporters, true, async c =>
            new(HttpMethod.Post, $"/api/reporting/reports/{await c.Data.NewReportAsync(c.InScope)}/form.xlsx")
            {
                Content = new MultipartFormDataContent { { new ByteArrayContent("không phải xlsx"u8.ToArray()), "file", "bao-cao.xlsx" } },
            }),
        ["POST /api/reporting/reports/{id:id}/files"] = new(Reporters, true, async c =>
            new(HttpMethod.Post, $"/api/reporting/reports/{await c.Data.NewReportAsync(c.InScope)}/files")
            {
                Content = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 minh chứng"u8.ToArray()), "file", "bien-ban.pdf" } },
            }),
        ["DELETE /api/reporting/reports/{id:id}/files/{fileId:id}"] = new(Reporters, true, async c =>
        {
            var (report, file) = await c.Data.NewEvidenceAsync(c.InScope);
            return new(HttpMethod.Delete, $"/api/reporting/reports/{report}/files/{file}");
        }),
        ["POST /api/reporting/reports/{id:id}/submit"] = new(Submitters, true, async c => await Json(HttpMethod.Post, $"/api/reporting/reports/{await c.Data.NewReportAsync(c.InScope)}/submit", new { })),
        ["POST /api/reporting/reports/{id:id}/return"] = new(Programme, false, async c => await Json(HttpMethod.Post, $"/api/reporting/reports/{await c.Data.NewReportAsync(true)}/return", new { })),
        ["POST /api/reporting/reports/{id:id}/approve"] = new(Programme, false, async c => await Json(HttpMethod.Post, $"/api/reporting/reports/{await c.Data.NewReportAsync(true)}/approve", new { })),
        ["POST /api/reporting/reports/{id:id}/unlock"] = new(Programme, false, async c => await Json(HttpMethod.Post, $"/api/reporting/reports/{await c.Data.NewReportAsync(true)}/unlock", new { })),
        ["PUT /api/calendar/{year:int}"] = new(AccountAdmins, false, _ => Json(HttpMethod.Put, "/api/calendar/2035", new { })),
        ["PUT /api/calendar/settings"] = new(AccountAdmins, false, _ => Json(HttpMethod.Put, "/api/calendar/settings", new { })),
        ["PUT /api/urging/rules"] = new(Programme, false, _ => Json(HttpMethod.Put, "/api/urging/rules", new { })),
        ["POST /api/urging/manual"] = new(Programme, false, _ => Json(HttpMethod.Post, "/api/urging/manual", new { })),
        ["POST /api/urging/run"] = new(Programme, false, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/urging/run"))),
        ["POST /api/urging/digest/send"] = new(Programme, false, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/urging/digest/send"))),
        ["POST /api/notifications/read"] = new(Readers, false, _ => Json(HttpMethod.Post, "/api/notifications/read", new { urgings = new List<long> { 0 } })),
        ["PUT /api/notifications/digest"] = new(Readers, false, _ => Json(HttpMethod.Put, "/api/notifications/digest", new { })),
        ["DELETE /api/calendar/{year:int}"] = new(AccountAdmins, false, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Delete, "/api/calendar/2035"))),

        // Pages (handler name after the page)
        ["POST /Accounts/Login"] = new(Anyone, false, _ => Form("/Accounts/Login", [])),
        ["POST /Accounts/Logout"] = new(SignedIn, false, _ => Form("/Accounts/Logout", [])),
        ["POST /Accounts/Index Password"] = new(SignedIn, false, _ => Form("/Accounts?handler=Password", [])),
        ["POST /Accounts/Index SignOutEverywhere"] = new(SignedIn, false, _ => Form("/Accounts?handler=SignOutEverywhere", [])),
        ["POST /Accounts/Index Token"] = new(SignedIn, false, _ => Form("/Accounts?handler=Token", [])),
        ["POST /Accounts/Index Revoke"] = new(SignedIn, false, async c => await Form($"/Accounts?handler=Revoke&id={await c.Data.NewTokenAsync(c.Role)}", [])),
        ["POST /Accounts/Users Create"] = new(AccountAdmins, false, _ => Form("/Accounts/Users?handler=Create", [])),
        ["POST /Accounts/Users Reset"] = new(AccountAdmins, false, c => Form($"/Accounts/Users?handler=Reset&id={c.Data.SpareUserId}", [])),
        ["POST /Accounts/Users Lock"] = new(AccountAdmins, false, c => Form($"/Accounts/Users?handler=Lock&id={c.Data.SpareUserId}&locked=false", [])),
        ["POST /Status"] = new(Anyone, false, _ => Form("/Status/404", [])),
        ["POST /Directives/Create"] = new(Programme, false, _ => Form("/Directives/Create", [])),
        ["POST /Agencies/Details Merge"] = new(Programme, false, c => Form($"/Agencies/Details/{c.Data.AgencyId}?handler=Merge", [])),
        ["POST /Tasks/Assign"] = new(Programme, false, _ => Form("/Tasks/Assign", [])),
        ["POST /Agencies/Succession"] = new(Programme, false, c => Form($"/Agencies/Succession?id={c.Data.AgencyId}", [])),
        ["POST /Directives/Details Publish"] = new(Programme, false, c => Form($"/Directives/Details/{c.Data.DirectiveId}?handler=Publish&published=true", [])),
        ["POST /Extraction/Index"] = new(Programme, false, _ => Form("/Extraction", [])),
        ["POST /Extraction/Review Save"] = new(Programme, false, async c => await Form($"/Extraction/Review/{await c.Data.NewImportAsync()}?handler=Save", [])),
        ["POST /Extraction/Review Add"] = new(Programme, false, async c => await Form($"/Extraction/Review/{await c.Data.NewImportAsync()}?handler=Add&what=task", [])),
        ["POST /Extraction/Review Refresh"] = new(Programme, false, async c => await Form($"/Extraction/Review/{await c.Data.NewImportAsync()}?handler=Refresh", [])),
        ["POST /Extraction/Review Discard"] = new(Programme, false, async c => await Form($"/Extraction/Review/{await c.Data.NewImportAsync()}?handler=Discard", [])),
        ["POST /Classification/Assess"] = new(Programme, false, c => Form($"/Classification/Assess/{c.Data.UrbanAreaId}", [])),
        ["POST /Classification/Area Class"] = new(Programme, false, c => Form($"/Classification/Area/{c.Data.UrbanAreaId}?handler=Class", [])),
        ["POST /Classification/Area Retire"] = new(Programme, false, c => Form($"/Classification/Area/{c.Data.UrbanAreaId}?handler=Retire", [])),
        ["POST /Classification/Edit"] = new(Programme, false, _ => Form("/Classification/Edit", [])),
        ["POST /Projects/Index Import"] = new(Programme, false, _ => Form("/Projects?handler=Import", [])),
        ["POST /Projects/Edit"] = new(Programme, false, _ => Form("/Projects/Edit", [])),
        ["POST /Projects/Details Point"] = new(Programme, false, c => Form($"/Projects/Details/{c.Data.ProjectId}?handler=Point", [new("latitude", "x")])),
        ["POST /Projects/Details Milestone"] = new(Programme, false, c => Form($"/Projects/Details/{c.Data.ProjectId}?handler=Milestone", [])),
        ["POST /Projects/Details Disbursement"] = new(Programme, false, c => Form($"/Projects/Details/{c.Data.ProjectId}?handler=Disbursement", [])),
        ["POST /Projects/Details Link"] = new(Programme, false, c => Form($"/Projects/Details/{c.Data.ProjectId}?handler=Link", [])),
        ["POST /Projects/Details Unlink"] = new(Programme, false, c => Form($"/Projects/Details/{c.Data.ProjectId}?handler=Unlink", [])),
        ["POST /Projects/Details Photo"] = new(Programme, false, c => Form($"/Projects/Details/{c.Data.ProjectId}?handler=Photo", [])),
        ["POST /Incidents/Report"] = new(Reporters, false, _ => Form("/Incidents/Report", [])),
        ["POST /Incidents/Details Assign"] = new(Programme, false, c => Form($"/Incidents/Details/{c.Data.OwnIncidentId}?handler=Assign", [])),
        ["POST /Incidents/Details Measure"] = new(Reporters, true, c => Form($"/Incidents/Details/{c.Data.IncidentFor(c)}?handler=Measure", [])),
        ["POST /Incidents/Details Resolve"] = new(Reporters, true, c => Form($"/Incidents/Details/{c.Data.IncidentFor(c)}?handler=Resolve", [new("resolvedOn", "x")])),
        ["POST /Units/Details Seat"] = new(Programme, false, c => Form($"/Units/Details/{c.Data.UnitId}?handler=Seat", [new("latitude", "x")])),
        ["POST /Classification/Sets Upload"] = new(Programme, false, _ => Form("/Classification/Sets?handler=Upload", [])),
        ["POST /Classification/Sets Activate"] = new(Programme, false, _ => Form("/Classification/Sets?handler=Activate&basis=111%2F2025", [])),
        ["POST /Indicators/Import"] = new(Reporters, false, _ => Form("/Indicators/Import", [])),
        ["POST /Indicators/Details"] = new(Reporters, true, c => Form($"/Indicators/Details/{c.Data.IndicatorId}", c.Data.NewMeasurementForm(c.InScope))),
        ["POST /Indicators/Measurement"] = new(Reporters, true, async c =>
        {
            var (id, version) = await c.Data.NewMeasurementAsync(c.InScope);
            return await Form($"/Indicators/Measurement/{id}", [new("Form.Value", "62"), new("Form.Source", "Cục Thống kê"), new("Form.Version", $"{version}")]);
        }),
        ["POST /Indicators/Measurement Delete"] = new(Reporters, true, async c => await Form($"/Indicators/Measurement/{(await c.Data.NewMeasurementAsync(c.InScope)).Id}?handler=Delete", [])),
        ["POST /Tasks/Details Progress"] = new(Reporters, true, async c => await Form($"/Tasks/Details/{c.Data.TaskFor(c)}?handler=Progress", [new("Progress.Text", "Đang làm")])),
        ["POST /Tasks/Details Complete"] = new(Reporters, true, async c => await Form($"/Tasks/Details/{c.Data.TaskFor(c)}?handler=Complete", [new("Completion.On", "15/01/2024")])),
        ["POST /Tasks/Details Delete"] = new(Programme, false, async c => await Form($"/Tasks/Details/{await c.Data.NewTaskAsync(true)}?handler=Delete", [])),
        ["POST /Tasks/Edit"] = new(Programme, false, c => Form($"/Tasks/Edit/{c.Data.OwnTaskId}", [])),
        ["POST /Calendar/Index"] = new(AccountAdmins, false, _ => Form("/Calendar?year=2035", [])),
        ["POST /Urging/Index Run"] = new(Programme, false, _ => Form("/Urging?handler=Run", [])),
        ["POST /Urging/Inbox Read"] = new(Readers, false, _ => Form("/Urging/Inbox?handler=Read&urging=0", [])),
        ["POST /Urging/Inbox Digest"] = new(Readers, false, _ => Form("/Urging/Inbox?handler=Digest", [])),
        ["POST /Urging/Rules"] = new(Programme, false, _ => Form("/Urging/Rules", [])),
        ["POST /ProgressReports/Form"] = new(Programme, false, _ => Form("/ProgressReports/Form", [])),
        ["POST /Urging/Manual"] = new(Programme, false, _ => Form("/Urging/Manual", [])),
        ["POST /Urging/Preview Send"] = new(Programme, false, _ => Form("/Urging/Preview?handler=Send", [])),
        ["POST /Calendar/Index Deadlines"] = new(AccountAdmins, false, _ => Form("/Calendar?year=2035&handler=Deadlines", [])),
        ["POST /Reporting/Index"] = new(Programme, false, _ => Form("/Reporting", [])),
        ["POST /Reporting/Period Close"] = new(Programme, false, async c => await Form($"/Reporting/Period/{await c.Data.NewPeriodAsync()}?handler=Close", [])),
        ["POST /Reporting/Period Reopen"] = new(Programme, false, async c => await Form($"/Reporting/Period/{await c.Data.NewPeriodAsync()}?handler=Reopen", [])),
        ["POST /Reporting/Report Save"] = new(Reporters, true, async c => await Form($"/Reporting/Report/{await c.Data.NewReportAsync(c.InScope)}?handler=Save", [])),
        ["POST /Reporting/Report Upload"] = new(Reporters, true, async c => await Form($"/Reporting/Report/{await c.Data.NewReportAsync(c.InScope)}?handler=Upload", [])),
        ["POST /Reporting/Report Attach"] = new(Reporters, true, async c => await Form($"/Reporting/Report/{await c.Data.NewReportAsync(c.InScope)}?handler=Attach", [])),
        ["POST /Reporting/Report RemoveFile"] = new(Reporters, true, async c =>
        {
            var (report, file) = await c.Data.NewEvidenceAsync(c.InScope);
            return await Form($"/Reporting/Report/{report}?handler=RemoveFile&file={file}", []);
        }),
        ["POST /Reporting/Report Submit"] = new(Submitters, true, async c => await Form($"/Reporting/Report/{await c.Data.NewReportAsync(c.InScope)}?handler=Submit", [])),
        ["POST /Reporting/Report Return"] = new(Programme, false, async c => await Form($"/Reporting/Report/{await c.Data.NewReportAsync(true)}?handler=Return", [])),
        ["POST /Reporting/Report Approve"] = new(Programme, false, async c => await Form($"/Reporting/Report/{await c.Data.NewReportAsync(true)}?handler=Approve", [])),
        ["POST /Reporting/Report Unlock"] = new(Programme, false, async c => await Form($"/Reporting/Report/{await c.Data.NewReportAsync(true)}?handler=Unlock", [])),
    };

    [Fact]
    public async Task EveryWriteEndpointAndPageHandler_HasARule()
    {
        var rules = Rules();
        var endpoints = await WritesAsync();
        var missing = endpoints.Where(e => !rules.ContainsKey(e)).ToList();
        var stale = rules.Keys.Where(k => !endpoints.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "No rule in the authorisation matrix for: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rules for endpoints that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task EveryRoleOnEveryWrite_IsAllowedOrRefusedAsItsRuleSays()
    {
        var data = await Fixtures.CreateAsync(app);
        var wrong = new List<string>();
        var calls = 0;
        foreach (var (endpoint, rule) in Rules())
        {
            foreach (var role in Anyone)
            {
                foreach (var inScope in rule.Scoped && role is Role.AgencyHead or Role.AgencyOfficer ? new[] { true, false } : [true])
                {
                    var client = role is { } r ? app.As(r) : app.Anonymous();
                    using var request = await rule.Request(new Call(role, inScope, data));
                    if (request.Content is FormUrlEncodedContent or null && !endpoint.Contains("/api/", StringComparison.Ordinal))
                    {
                        await AddAntiforgeryAsync(client, request);
                    }

                    using var response = await client.SendAsync(request, Ct);
                    calls++;
                    var expectAllowed = rule.Allowed.Contains(role) && inScope;
                    var outcome = Classify(response);
                    var expectedOutcome = expectAllowed ? "allowed" : rule.Scoped && rule.Allowed.Contains(role) ? "not found" : "refused";
                    if (outcome != expectedOutcome && !(expectedOutcome == "refused" && outcome == "not found"))
                    {
                        wrong.Add($"{endpoint} as {role?.Code() ?? "public"}{(inScope ? "" : " (out of scope)")}: expected {expectedOutcome}, got {(int)response.StatusCode} {response.Headers.Location}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {calls} calls wrong:\n" + string.Join("\n", wrong));
    }

    /// <summary>Refused: 401, 403, or a page's redirect to sign in or to the refusal page. Not found: 404. Server errors fail the test.</summary>
    private static string Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        Assert.True(status < 500, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {status}");
        return status switch
        {
            404 => "not found",
            401 or 403 => "refused",
            302 when location.Contains("/Accounts/Login", StringComparison.Ordinal) || location.Contains("/Status/403", StringComparison.Ordinal) => "refused",
            _ => "allowed",
        };
    }

    /// <summary>"METHOD /route" of every API endpoint that writes, and "POST /Page Handler" of every page handler that is not GET.</summary>
    private async Task<HashSet<string>> WritesAsync()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var services = app.Factory.Services;
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                if (found.Any(f => f.StartsWith($"POST {page.ViewEnginePath}", StringComparison.Ordinal)))
                {
                    continue;
                }

                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods.Where(h => !string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add($"{handler.HttpMethod.ToUpperInvariant()} {page.ViewEnginePath}{(handler.Name is null ? "" : " " + handler.Name)}");
                }
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods)
            {
                foreach (var method in methods.HttpMethods.Where(m => m is not ("GET" or "HEAD")))
                {
                    found.Add($"{method} {endpoint.RoutePattern.RawText}");
                }
            }
        }

        return found;
    }

    private static Task<HttpRequestMessage> Json(HttpMethod method, string url, object body) =>
        Task.FromResult(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });

    private static Task<HttpRequestMessage> Form(string url, KeyValuePair<string, string>[] fields) =>
        Task.FromResult(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>A page form carries the antiforgery token of the person posting it, read from the sign-in page's form.</summary>
    private static async Task AddAntiforgeryAsync(HttpClient client, HttpRequestMessage request)
    {
        var token = await AppFixture.AntiforgeryTokenAsync(client);
        var fields = request.Content is FormUrlEncodedContent form
            ? (await form.ReadAsStringAsync(Ct)).Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(WebUtility.UrlDecode(p[0]), WebUtility.UrlDecode(p[1])))
            : [];
        request.Content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
    }

    /// <summary>Records the calls act on: the officer's own task and measurement unit, another agency's, fresh rows for deletions.</summary>
    private sealed class Fixtures
    {
        private readonly AppFixture _app;
        private int _sequence;

        private Fixtures(AppFixture app) => _app = app;

        public long DirectiveId { get; private set; }
        public long IndicatorId { get; private set; }
        public long UrbanAreaId { get; private set; }
        public long ProjectId { get; private set; }

        /// <summary>The officer's commune: its seat is what the seat calls (refused with their bad point) would change.</summary>
        public long UnitId => _ownUnit;

        /// <summary>An incident given to the officer's agency (in scope), and one of another agency in another unit.</summary>
        public long OwnIncidentId { get; private set; }

        public long OtherIncidentId { get; private set; }

        public long IncidentFor(Call call) => call.InScope ? OwnIncidentId : OtherIncidentId;

        /// <summary>An agency the succession and merge calls name (with an empty body they change nothing).</summary>
        public long AgencyId { get; private set; }

        public long OwnTaskId { get; private set; }
        public long OtherTaskId { get; private set; }
        public long SpareUserId { get; private set; }
        private long _ownUnit;
        private long _otherUnit;
        private string _ownUnitCode = string.Empty;
        private string _otherUnitCode = string.Empty;

        public static async Task<Fixtures> CreateAsync(AppFixture app)
        {
            var f = new Fixtures(app);
            await using var db = app.NewDb();
            (f._ownUnit, f._ownUnitCode) = await db.Agencies.Where(a => a.ShortName == AppFixture.OfficerAgency).Select(a => new ValueTuple<long, string>(a.AdministrativeUnit!.Id, a.AdministrativeUnit.Code)).SingleAsync(Ct);
            // The province after 1/7/2025: above the officer's commune, outside its scope.
            (f._otherUnit, f._otherUnitCode) = await db.Units.Where(u => u.Id == db.Units.Where(x => x.Id == f._ownUnit).Select(x => x.ParentId).Single())
                .Select(u => new ValueTuple<long, string>(u.Id, u.Code)).SingleAsync(Ct);
            f.DirectiveId = await db.Directives.Where(d => d.Number == "3316/KH-UBND").Select(d => d.Id).SingleAsync(Ct);
            f.IndicatorId = await db.Indicators.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(Ct);
            f.UrbanAreaId = await db.UrbanAreas.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
            f.AgencyId = await db.Agencies.Where(a => a.ShortName == AppFixture.OtherAgency).Select(a => a.Id).SingleAsync(Ct);
            f.ProjectId = await db.KeyProjects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            f.OwnIncidentId = await f.NewIncidentAsync(db, AppFixture.OfficerAgency, f._ownUnit);
            f.OtherIncidentId = await f.NewIncidentAsync(db, AppFixture.OtherAgency, f._otherUnit);
            f.OwnTaskId = await f.NewTaskAsync(true);
            f.OtherTaskId = await f.NewTaskAsync(false);
            f.SpareUserId = (await TestAccount.CreateAsync(app.ConnectionString, Role.Leadership, null)).Id;
            return f;
        }

        public long TaskFor(Call call) => call.InScope ? OwnTaskId : OtherTaskId;

        private async Task<long> NewIncidentAsync(LoTrinh.Web.Data.AppDbContext db, string agency, long unit)
        {
            var incident = new LoTrinh.Web.Features.Incidents.Incident
            {
                KindCode = "construction_unpermitted",
                Description = "Kiểm thử phân quyền",
                OccurredOn = new DateOnly(2026, 1, 5),
                AdministrativeUnitId = unit,
                ReportedBy = "Kiểm thử",
                AgencyId = await db.Agencies.Where(a => a.ShortName == agency).Select(a => a.Id).SingleAsync(Ct),
                AssignedOn = new DateOnly(2026, 1, 6),
            };
            db.Incidents.Add(incident);
            await db.SaveChangesAsync(Ct);
            return incident.Id;
        }

        /// <summary>A task led by the officer's agency (in scope) or by another agency.</summary>
        public Task<long> NewTaskAsync(bool own) => _app.NewTaskAsync(own ? AppFixture.OfficerAgency : AppFixture.OtherAgency);

        /// <summary>A task of the officer's agency, deleted (softly), for the restore calls.</summary>
        public async Task<long> NewDeletedTaskAsync()
        {
            var id = await NewTaskAsync(true);
            await using var db = _app.NewDb();
            await db.Tasks.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.DeletedAt, DateTimeOffset.UtcNow), Ct);
            return id;
        }

        public async Task<long> NewDeletedMeasurementAsync(bool own)
        {
            var (id, _) = await NewMeasurementAsync(own);
            await using var db = _app.NewDb();
            await db.Measurements.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DeletedAt, DateTimeOffset.UtcNow), Ct);
            return id;
        }

        public async Task<(long Id, uint Version)> NewMeasurementAsync(bool own)
        {
            await using var db = _app.NewDb();
            var day = new DateOnly(2025, 7, 1).AddDays(Interlocked.Increment(ref _sequence));
            var m = new Measurement
            {
                IndicatorId = IndicatorId,
                AdministrativeUnitId = own ? _ownUnit : _otherUnit,
                PeriodStart = day,
                PeriodEnd = day,
                PeriodLabel = "Kiểm thử",
                Value = 1,
                Source = "Kiểm thử",
                EnteredBy = "Kiểm thử",
            };
            db.Measurements.Add(m);
            await db.SaveChangesAsync(Ct);
            return (m.Id, await db.Measurements.Where(x => x.Id == m.Id).Select(x => x.Version).SingleAsync(Ct));
        }

        public object NewMeasurementInput(bool own)
        {
            var day = new DateOnly(2026, 1, 1).AddDays(Interlocked.Increment(ref _sequence));
            return new { indicator = IndicatorId, unitCode = own ? _ownUnitCode : _otherUnitCode, periodStart = $"{day:yyyy-MM-dd}", periodEnd = $"{day:yyyy-MM-dd}", value = 3.5m, source = "Kiểm thử" };
        }

        public KeyValuePair<string, string>[] NewMeasurementForm(bool own)
        {
            var day = new DateOnly(2026, 1, 1).AddDays(Interlocked.Increment(ref _sequence));
            return
            [
                new("Form.UnitCode", own ? _ownUnitCode : _otherUnitCode), new("Form.PeriodStart", $"{day:dd/MM/yyyy}"),
                new("Form.PeriodEnd", $"{day:dd/MM/yyyy}"), new("Form.Value", "3.5"), new("Form.Source", "Kiểm thử"),
            ];
        }

        /// <summary>A period of its own, with a draft report of the officer's agency in it.</summary>
        public async Task<long> NewPeriodAsync() => (await _app.NewReportAsync(AppFixture.OfficerAgency)).Period;

        /// <summary>A draft report of the officer's agency (in scope) or of another, in a period of its own.</summary>
        public async Task<long> NewReportAsync(bool own) => (await _app.NewReportAsync(own ? AppFixture.OfficerAgency : AppFixture.OtherAgency)).Report;

        /// <summary>A report (in scope or not) with one evidence file attached.</summary>
        public async Task<(long Report, long File)> NewEvidenceAsync(bool own)
        {
            var report = await NewReportAsync(own);
            await using var db = _app.NewDb();
            var file = new LoTrinh.Web.Features.Reporting.EvidenceFile
            {
                ReportId = report,
                FileName = "bien-ban.pdf",
                Kind = LoTrinh.Core.Reporting.EvidenceKind.Pdf,
                SizeBytes = 3,
                Sha256 = new string('0', 64),
                UploadedByName = "Kiểm thử",
                Content = new LoTrinh.Web.Features.Reporting.EvidenceContent { Content = [1, 2, 3] },
            };
            db.EvidenceFiles.Add(file);
            await db.SaveChangesAsync(Ct);
            return (report, file.Id);
        }

        /// <summary>An import as the secretariat uploads it (unique text, so never a duplicate).</summary>
        public async Task<Guid> NewImportAsync()
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent($"KẾ HOẠCH kiểm thử {Guid.NewGuid():N}\nGiao Sở Xây dựng chủ trì, hoàn thành trong Quý II/2026."), "file", "kiem-thu.txt" },
            };
            using var response = await _app.As(Role.Administrator).PostAsync("/api/imports", content, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        }

        /// <summary>A token of the caller's own account, to revoke.</summary>
        public async Task<long> NewTokenAsync(Role? role)
        {
            await using var db = _app.NewDb();
            var owner = role is { } r ? _app.Accounts[r].Id : SpareUserId;
            var (token, _) = await AccountBook.IssueTokenAsync(db, TimeProvider.System, owner, new TokenInput("thu hồi", 1), Ct);
            return token!.Id;
        }
    }
}
