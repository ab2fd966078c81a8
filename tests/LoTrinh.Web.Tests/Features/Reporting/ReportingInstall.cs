using System.Net.Http.Json;
using System.Text.Json;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Tests.Browser;
using LoTrinh.Web.Tests.Faults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LoTrinh.Web.Tests.Features.Reporting;

/// <summary>
/// The seeded programme served as on Tuesday 23/6/2026 (Clock:Start), the day after Q2/2026's reports were due
/// (20/6 is a Saturday: Monday 22/6). Two of 16-KL/BCĐ's tasks are given, by the assignment API, to UBND xã Đức Trọng
/// to lead with Sở Xây dựng cooperating; a third to Sở Xây dựng to lead.
/// </summary>
public sealed class ReportingInstall(AppFixture app) : IAsyncLifetime
{
    public const string Today = "2026-06-23T09:00:00+07:00";
    public const string Department = "Sở Xây dựng tỉnh Lâm Đồng";

    public AppServer Server { get; private set; } = null!;
    public string Owner { get; private set; } = string.Empty;
    public string Serving { get; private set; } = string.Empty;
    public TestAccount Secretariat { get; private set; } = null!;
    public TestAccount Administrator { get; private set; } = null!;
    public TestAccount LeadOfficer { get; private set; } = null!;
    public TestAccount LeadHead { get; private set; } = null!;
    public TestAccount CooperatingOfficer { get; private set; } = null!;
    public TestAccount CooperatingHead { get; private set; } = null!;

    /// <summary>The tasks UBND xã Đức Trọng leads (Sở Xây dựng cooperating), and the one Sở Xây dựng leads.</summary>
    public IReadOnlyList<long> LedByCommune { get; private set; } = [];
    public long LedByDepartment { get; private set; }

    public long CommuneId { get; private set; }
    public long DepartmentId { get; private set; }

    public HttpClient As(TestAccount account) => FaultHelpers.Client(Server.BaseUrl, account.Token);

    /// <summary>The database as the app's background work sees it (the system, every record).</summary>
    public LoTrinh.Web.Data.AppDbContext NewDb() =>
        new(new DbContextOptionsBuilder<LoTrinh.Web.Data.AppDbContext>().UseNpgsql(Serving).Options);

    public async ValueTask InitializeAsync()
    {
        var database = await app.CreateProgrammeDatabaseAsync();
        Serving = app.ServingConnection(database);
        Owner = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = database }.ConnectionString;
        Secretariat = await TestAccount.CreateAsync(Serving, Role.Secretariat, null);
        Administrator = await TestAccount.CreateAsync(Serving, Role.Administrator, null);
        LeadOfficer = await TestAccount.CreateAsync(Serving, Role.AgencyOfficer, AppFixture.OfficerAgency);
        LeadHead = await TestAccount.CreateAsync(Serving, Role.AgencyHead, AppFixture.OfficerAgency);
        CooperatingOfficer = await TestAccount.CreateAsync(Serving, Role.AgencyOfficer, Department);
        CooperatingHead = await TestAccount.CreateAsync(Serving, Role.AgencyHead, Department);
        Server = await AppServer.StartAsync(Serving, withBrowser: true, new Dictionary<string, string> { ["Clock__Start"] = Today });

        var secretariat = As(Secretariat);
        var ct = TestContext.Current.CancellationToken;
        CommuneId = await AgencyAsync(secretariat, "xã Đức Trọng", "Ủy ban nhân dân xã Đức Trọng");
        DepartmentId = await AgencyAsync(secretariat, "Sở Xây dựng", Department);
        var tasks = (await secretariat.GetFromJsonAsync<JsonElement>("/api/tasks/unassigned?directive=" + await DirectiveAsync(secretariat, "16-KL/BCĐ"), ct))
            .EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).Order().ToList();
        LedByCommune = tasks.Take(2).ToList();
        LedByDepartment = tasks[2];
        await AssignAsync(secretariat, LedByCommune, CommuneId, [DepartmentId]);
        await AssignAsync(secretariat, [LedByDepartment], DepartmentId, []);
    }

    private static async Task AssignAsync(HttpClient client, IReadOnlyList<long> tasks, long lead, long[] cooperating)
    {
        var response = await client.PostAsJsonAsync("/api/tasks/assign",
            new { tasks, lead, cooperating, deadline = "Quý IV/2026", documentNumber = "12/QĐ-BCĐ", documentDate = "2026-04-01", reason = "Giao lại sau sắp xếp đơn vị hành chính" }, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<long> AgencyAsync(HttpClient client, string typed, string name)
    {
        var options = await client.GetFromJsonAsync<JsonElement>("/api/agencies/options?q=" + Uri.EscapeDataString(typed), TestContext.Current.CancellationToken);
        return options.EnumerateArray().First(o => o.GetProperty("name").GetString() == name && o.GetProperty("validTo").ValueKind == JsonValueKind.Null).GetProperty("id").GetInt64();
    }

    public static async Task<long> DirectiveAsync(HttpClient client, string number)
    {
        var options = await client.GetFromJsonAsync<JsonElement>("/api/directives/options?q=" + Uri.EscapeDataString(number), TestContext.Current.CancellationToken);
        return options.EnumerateArray().First(o => o.GetProperty("label").GetString()!.StartsWith(number, StringComparison.Ordinal)).GetProperty("id").GetInt64();
    }

    /// <summary>A task of another directive that neither agency above has any part in.</summary>
    public async Task<long> NewTaskOfOtherAgencyAsync()
    {
        await using var connection = new NpgsqlConnection(Owner);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("""
            insert into task_item (directive_id, text) select id, 'Nhiệm vụ của cơ quan khác' from directive where number = '3316/KH-UBND' returning id
            """, connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>The quarterly regime the tests set up on 16-KL/BCĐ: due on the 20th of the quarter's last month, in force from 1/4/2026.</summary>
    public static object Quarterly(string name, long[]? indicators = null) => new
    {
        name,
        kind = "periodic",
        frequency = "quarter",
        cutOff = "decree09",
        deadlineRule = "day_of_last_month",
        deadlineValue = 20,
        directive = "16-KL/BCĐ",
        recipient = "Thường trực Ban Chỉ đạo",
        inForceFrom = "01/04/2026",
        indicators = indicators ?? [],
    };

    /// <summary>A regime as the secretariat sets it up through the API; its periods opened.</summary>
    public async Task<JsonElement> NewRegimeAsync(object body)
    {
        var response = await As(Secretariat).PostAsJsonAsync("/api/reporting/regimes", body, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>An indicator measured in percent, of the seeded programme.</summary>
    public async Task<long> PercentIndicatorAsync()
    {
        await using var connection = new NpgsqlConnection(Owner);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("select min(id) from indicator where unit = '%'", connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>The figure of an indicator for a unit, read as the database holds it.</summary>
    public async Task<(decimal Value, DateOnly Start, DateOnly End, string Source)> MeasurementAsync(long indicator, long unit)
    {
        await using var connection = new NpgsqlConnection(Owner);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "select value, period_start, period_end, source from measurement where indicator_id = $1 and administrative_unit_id = $2 and deleted_at is null order by id desc limit 1", connection)
        {
            Parameters = { new() { Value = indicator }, new() { Value = unit } },
        };
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken), "a figure was written");
        return (reader.GetDecimal(0), DateOnly.FromDateTime(reader.GetDateTime(1)), DateOnly.FromDateTime(reader.GetDateTime(2)), reader.GetString(3));
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
