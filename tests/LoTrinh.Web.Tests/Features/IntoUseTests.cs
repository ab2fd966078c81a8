using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Tests.Browser;
using LoTrinh.Web.Tests.Faults;
using Npgsql;

namespace LoTrinh.Web.Tests.Features;

/// <summary>
/// A fresh install as <c>./run.sh</c> makes it — every migration on an empty database, then
/// <c>lotrinh seed --if-empty</c>, as processes — and what the public, the secretariat and an officer of
/// UBND xã Đức Trọng see and do in it: the published programme, the 2025 succession, assignment.
/// </summary>
public sealed class IntoUseTests(AppFixture app, FreshInstall install) : IClassFixture<FreshInstall>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Database => install.Database;
    private AppServer Server => install.Server;

    private HttpClient Public() => new() { BaseAddress = new Uri(Server.BaseUrl) };

    private async Task<HttpClient> AsAsync(Role role, string? agency = null)
    {
        var account = await TestAccount.CreateAsync(app.ServingConnection(Database), role, agency);
        return FaultHelpers.Client(Server.BaseUrl, account.Token);
    }

    [Fact]
    public async Task FreshInstall_ThePublicSeesTheSeededProgramme_AndItsTargets()
    {
        var directives = await Public().GetFromJsonAsync<JsonElement>("/api/directives", Ct);
        var withText = directives.EnumerateArray().Where(d => d.GetProperty("textOnFile").GetBoolean()).ToList();
        Assert.Equal(4, withText.Count);
        var numbers = directives.EnumerateArray().Select(d => d.GetProperty("number").GetString()).ToList();
        Assert.Contains("29-CTr/TU", numbers);
        Assert.Contains("16-KL/BCĐ", numbers);
        Assert.Contains("06-NQ/TW", numbers); // the public document it implements, and its link
        var programme = withText.Single(d => d.GetProperty("number").GetString() == "29-CTr/TU");
        Assert.Contains(programme.GetProperty("links").EnumerateArray(), l => l.GetProperty("number").GetString() == "06-NQ/TW");

        var home = await Public().GetStringAsync("/", Ct);
        Assert.Contains("Tỷ lệ đô thị hoá", home, StringComparison.Ordinal);
        Assert.Contains("29-CTr/TU", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Đăng ký văn bản", await Public().GetStringAsync("/Directives", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTheSecretariatConfirmsTheSuccession_TheCommunesOfficerSeesTheDistrictsOpenTasks_SayingWhereTheyCameFrom()
    {
        var secretariat = await AsAsync(Role.Secretariat);
        var officer = await AsAsync(Role.AgencyOfficer, AppFixture.OfficerAgency);
        Assert.Empty((await officer.GetFromJsonAsync<JsonElement>("/api/tasks?asOf=2026-11-28", Ct)).EnumerateArray());

        var pending = await secretariat.GetFromJsonAsync<JsonElement>("/api/agencies/successions", Ct);
        var district = pending.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Ủy ban nhân dân huyện Đức Trọng");
        Assert.Equal("Ủy ban nhân dân xã Đức Trọng", district.GetProperty("suggested").GetProperty("name").GetString());
        var before = await secretariat.GetFromJsonAsync<JsonElement>($"/api/tasks?asOf=2026-11-28", Ct);
        Assert.Contains(before.EnumerateArray(), r => r.GetProperty("leadDissolved").GetBoolean());

        var confirm = await secretariat.PostAsJsonAsync($"/api/agencies/{district.GetProperty("id").GetInt64()}/succession",
            new { successor = district.GetProperty("suggested").GetProperty("id").GetInt64() }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);

        var rows = (await officer.GetFromJsonAsync<JsonElement>("/api/tasks?asOf=2026-11-28", Ct)).EnumerateArray().ToList();
        Assert.Equal(district.GetProperty("openTasks").GetInt32(), rows.Count);
        var liênNghĩa = rows.Single(r => r.GetProperty("text").GetString()!.Contains("Quy hoạch Liên Nghĩa mở rộng", StringComparison.Ordinal));
        Assert.Equal("in_progress_overdue", liênNghĩa.GetProperty("status").GetString());
        Assert.Equal("chậm nhất tháng Quý I/2024", liênNghĩa.GetProperty("deadline").GetProperty("text").GetString());
        var details = await officer.GetFromJsonAsync<JsonElement>($"/api/tasks/{liênNghĩa.GetProperty("id").GetInt64()}", Ct);
        Assert.Contains(details.GetProperty("agencies").EnumerateArray(), a => a.GetProperty("receivedFrom").GetString() == "UBND huyện Đức Trọng");
        var page = await officer.GetStringAsync("/Tasks", Ct);
        Assert.Contains("nhận từ UBND huyện Đức Trọng", page, StringComparison.Ordinal);
        Assert.DoesNotContain((await secretariat.GetFromJsonAsync<JsonElement>("/api/agencies/successions", Ct)).EnumerateArray(),
            a => a.GetProperty("name").GetString() == "Ủy ban nhân dân huyện Đức Trọng");
    }

    [Fact]
    public async Task BadAssignmentsAndSuccessions_AreRefusedBesideTheField_AndWriteNothing()
    {
        var secretariat = await AsAsync(Role.Secretariat);
        var owner = Owner;
        var district = await FaultHelpers.ScalarAsync(owner, "select id from agency where name = 'Ủy ban nhân dân huyện Đức Trọng'");
        var commune = await FaultHelpers.ScalarAsync(owner, "select id from agency where name = 'Ủy ban nhân dân xã Đức Trọng'");
        var province = await FaultHelpers.ScalarAsync(owner, "select id from agency where name = 'Ủy ban nhân dân tỉnh Lâm Đồng' and valid_to is null");
        var department = await FaultHelpers.ScalarAsync(owner, "select id from agency where name = 'Sở Xây dựng tỉnh Lâm Đồng' and valid_to is null");
        var (dated, undated) = await OpenTasksWithAndWithoutDeadlineAsync();
        var before = await DataSnapshot.TakeAsync(owner);

        await AssertRefusedAsync(secretariat, "/api/tasks/assign", new { tasks = new[] { undated }, lead = district, deadline = "Quý IV/2026" }, "lead", "01/07/2025");
        await AssertRefusedAsync(secretariat, "/api/tasks/assign", new { tasks = new[] { dated }, lead = department, deadline = "Quý IV/2027" }, "reason", "điều chỉnh");
        await AssertRefusedAsync(secretariat, "/api/tasks/assign", new { tasks = new[] { undated }, lead = department, deadline = "Quý V/2026" }, "deadline", null);
        await AssertRefusedAsync(secretariat, "/api/tasks/assign", new { tasks = Array.Empty<long>(), lead = department }, "tasks", null);
        await AssertRefusedAsync(secretariat, $"/api/agencies/{department}/merge", new { into = department }, "into", "chính nó");
        await AssertRefusedAsync(secretariat, $"/api/agencies/{district}/succession", new { successor = province }, "successor", "không thuộc đơn vị hành chính kế thừa");
        await AssertRefusedAsync(secretariat, $"/api/agencies/{commune}/succession", new { successor = department, outsideLineage = true }, "agency", "chưa giải thể");

        Assert.Empty(DataSnapshot.Changed(before, await DataSnapshot.TakeAsync(owner)));
    }

    [Fact]
    public async Task AssigningMany_WithANewAgency_SetsLeadAndDeadline_KeepsTheOriginalOfAnAdjustedOne_AndTheHistoryCitesTheDecision()
    {
        var secretariat = await AsAsync(Role.Secretariat);
        var (dated, undated) = await OpenTasksWithAndWithoutDeadlineAsync();
        var response = await secretariat.PostAsJsonAsync("/api/tasks/assign", new
        {
            tasks = new[] { dated, undated },
            newAgency = new { name = "Phòng Kinh tế xã Đức Trọng", kind = "department", unitCode = "24958" },
            deadline = "Quý II/2027",
            documentNumber = "125/QĐ-UBND",
            documentDate = "20/11/2026",
            reason = "Chờ vốn bố trí năm 2027",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var task = await secretariat.GetFromJsonAsync<JsonElement>($"/api/tasks/{dated}", Ct);
        Assert.Contains(task.GetProperty("agencies").EnumerateArray(), a => a.GetProperty("name").GetString() == "Phòng Kinh tế xã Đức Trọng" && a.GetProperty("role").GetString() == "lead");
        Assert.Equal("Quý II/2027", task.GetProperty("deadline").GetProperty("text").GetString());
        Assert.False(string.IsNullOrEmpty(task.GetProperty("originalDeadline").GetString()));
        var history = await secretariat.GetStringAsync($"/History/task/{dated}", Ct);
        Assert.Contains("125/QĐ-UBND", history, StringComparison.Ordinal);
        Assert.Contains("Chờ vốn bố trí năm 2027", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyInstall_TellsTheSecretariatWhereToStart_AndNotThePublic()
    {
        var serving = await app.CreateReferenceOnlyDatabaseAsync();
        var secretariat = await TestAccount.CreateAsync(serving, Role.Secretariat, null);
        await using var server = await AppServer.StartAsync(serving, withBrowser: false);

        var home = await FaultHelpers.Client(server.BaseUrl, secretariat.Token).GetStringAsync("/", Ct);
        Assert.Contains("Chưa có chương trình nào", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/Extraction\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/Tasks/Assign\"", home, StringComparison.Ordinal);
        using var anyone = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        Assert.DoesNotContain("Chưa có chương trình nào", await anyone.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }

    private string Owner => new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = Database }.ConnectionString;

    private async Task<(long Dated, long Undated)> OpenTasksWithAndWithoutDeadlineAsync() =>
        (await FaultHelpers.ScalarAsync(Owner, "select min(id) from task_item where due_on is not null and completed_on is null"),
         await FaultHelpers.ScalarAsync(Owner, "select min(id) from task_item where deadline_text is null"));

    private static async Task AssertRefusedAsync(HttpClient client, string url, object body, string field, string? mentions)
    {
        var response = await client.PostAsJsonAsync(url, body, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {problem}");
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
        if (mentions is not null)
        {
            Assert.Contains(messages, m => m.Contains(mentions, StringComparison.Ordinal));
        }
    }
}

/// <summary>The fresh install the tests above share: made once, as run.sh makes it.</summary>
public sealed class FreshInstall(AppFixture app) : IAsyncLifetime
{
    public string Database { get; private set; } = string.Empty;
    public AppServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = new NpgsqlConnectionStringBuilder(await app.CreateEmptyDatabaseAsync()).Database!;
        // Twice "seed --if-empty": run.sh runs it at every start; the second must leave the data as it is.
        foreach (var verb in new[] { new[] { "migrate" }, ["seed", "--if-empty"], ["seed", "--if-empty"] })
        {
            var (exit, output, error) = await app.RunCliAsync(Database, verb);
            Assert.True(exit == 0, $"lotrinh {string.Join(' ', verb)}: {output} {error}");
        }

        Server = await AppServer.StartAsync(app.ServingConnection(Database), withBrowser: false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
