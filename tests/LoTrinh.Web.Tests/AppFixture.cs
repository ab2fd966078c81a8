using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Accounts;
using LoTrinh.Web.Features.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

[assembly: AssemblyFixture(typeof(LoTrinh.Web.Tests.AppFixture))]

// Tests that check "nothing was written" count rows, so no other test may write meanwhile.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace LoTrinh.Web.Tests;

/// <summary>
/// One uniquely named PostgreSQL database for this test run: every migration applied, the seed programme
/// loaded, dropped at the end. Tests that write add their own rows and assert on those, so the seeded
/// programme stays as loaded for the tests that read it.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    // The schema owner makes the databases, migrates and seeds; the app serves as its own role, as run.sh sets it up.
    private readonly string _servingConnection = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
        ?? throw new InvalidOperationException("Set ConnectionStrings__Default (./test.sh does) to a PostgreSQL the tests may create databases on.");

    private readonly string? _ownerConnection = Environment.GetEnvironmentVariable("ConnectionStrings__Owner");

    private string AdminConnection => _ownerConnection ?? _servingConnection;

    private readonly List<string> _extraDatabases = [];
    private WebApplicationFactory<Program>? _factory;

    public string DatabaseName { get; } = $"lotrinh_t_{Guid.NewGuid():N}";
    /// <summary>The owner's connection to this run's database: for setting up and inspecting, beside the app.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The connection the app serves through (the serving role when there is one).</summary>
    public string AppConnectionString => ServingConnection(DatabaseName);

    /// <summary>The serving role's connection to a database of this run.</summary>
    public string ServingConnection(string database) =>
        new NpgsqlConnectionStringBuilder(_servingConnection) { Database = database }.ConnectionString;

    /// <summary>The role the app serves as, when it is not the owner.</summary>
    public string? ServingRole => _ownerConnection is null ? null : new NpgsqlConnectionStringBuilder(_servingConnection).Username;
    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    /// <summary>The seeded agency whose officer the scope tests sign in as (the commune formed on 1/7/2025).</summary>
    public const string OfficerAgency = "UBND xã Đức Trọng";

    /// <summary>Another agency, whose tasks the officer above must not see.</summary>
    public const string OtherAgency = "UBND huyện Đức Trọng";

    /// <summary>One account per role (officer and head of <see cref="OfficerAgency"/>), each with a personal access token.</summary>
    public IReadOnlyDictionary<Role, TestAccount> Accounts { get; private set; } = new Dictionary<Role, TestAccount>();

    /// <summary>A client of the secretariat (manages the programme): the role most tests act in.</summary>
    public HttpClient Client() => As(Role.Secretariat);

    /// <summary>A client of the public: not signed in.</summary>
    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A task of the seeded plan 3316/KH-UBND led by the agency with this short name, written as the system.</summary>
    public async Task<long> NewTaskAsync(string agencyShortName)
    {
        await using var db = NewDb();
        var agency = await db.Agencies.Where(a => a.ShortName == agencyShortName).Select(a => a.Id).SingleAsync();
        var directive = await db.Directives.Where(d => d.Number == "3316/KH-UBND").Select(d => d.Id).SingleAsync();
        var task = new LoTrinh.Web.Features.Tasks.TaskItem { DirectiveId = directive, Text = $"Nhiệm vụ kiểm thử {Guid.NewGuid():N}" };
        task.Agencies.Add(new LoTrinh.Web.Features.Tasks.TaskAgency { AgencyId = agency, Role = LoTrinh.Web.Features.Tasks.TaskRoles.Lead });
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    /// <summary>A period of its own (of an ad hoc regime on the seeded plan) with a draft report of the agency with this short name.</summary>
    public async Task<(long Period, long Report)> NewReportAsync(string agencyShortName)
    {
        await using var db = NewDb();
        var report = new LoTrinh.Web.Features.Reporting.AgencyReport
        {
            AgencyId = await db.Agencies.Where(a => a.ShortName == agencyShortName).Select(a => a.Id).SingleAsync(),
            Period = new LoTrinh.Web.Features.Reporting.ReportPeriod
            {
                Label = "Kiểm thử",
                WindowFrom = new DateOnly(2026, 1, 1),
                WindowTo = new DateOnly(2026, 1, 31),
                DueOn = new DateOnly(2026, 2, 5),
                Regime = new LoTrinh.Web.Features.Reporting.ReportingRegime
                {
                    Name = "Báo cáo đột xuất (kiểm thử)",
                    Kind = LoTrinh.Core.Reporting.RegimeKind.AdHoc,
                    CutOff = LoTrinh.Core.Reporting.CutOffRule.Calendar,
                    DeadlineRule = LoTrinh.Core.Reporting.DeadlineRule.WorkingDaysAfterCutOff,
                    DeadlineValue = 1,
                    Recipient = "Thường trực",
                    InForceFrom = new DateOnly(2026, 1, 1),
                    DirectiveId = await db.Directives.Where(d => d.Number == "3316/KH-UBND").Select(d => d.Id).SingleAsync(),
                },
            },
        };
        db.AgencyReports.Add(report);
        await db.SaveChangesAsync();
        return (report.PeriodId, report.Id);
    }

    /// <summary>The antiforgery token a page form would carry for this client, read from the sign-in form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/Accounts/Login");
        return System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    /// <summary>A client that keeps cookies, as a browser does (for signing in through the page).</summary>
    public HttpClient CookieClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the sign-in form with its antiforgery token; returns the page shown after (or the redirect's target).</summary>
    public static async Task<string> SignInAsync(HttpClient client, string userName, string password)
    {
        var ct = TestContext.Current.CancellationToken;
        var token = await AntiforgeryTokenAsync(client);
        var response = await client.PostAsync("/Accounts/Login", new FormUrlEncodedContent(
            [new("UserName", userName), new("Password", password), new("__RequestVerificationToken", token)]), ct);
        return response.StatusCode == System.Net.HttpStatusCode.Redirect ? response.Headers.Location!.OriginalString : await response.Content.ReadAsStringAsync(ct);
    }

    /// <summary>A client calling with the role's personal access token.</summary>
    public HttpClient As(Role role)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Accounts[role].Token);
        return client;
    }

    public AppDbContext NewDb() => new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionString).Options);

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync(DatabaseName, withProgramme: true);

        // The app reads its connection string while it composes its services, so it is set before the host starts.
        Environment.SetEnvironmentVariable("ConnectionStrings__Default", AppConnectionString);
        // Tests sign in far more often than a person; the limit itself is tested with its own host.
        Environment.SetEnvironmentVariable("Security__SignInPerMinute", "10000");
        _factory = new WebApplicationFactory<Program>();
        var accounts = new Dictionary<Role, TestAccount>();
        foreach (var role in Roles.All)
        {
            accounts[role] = await TestAccount.CreateAsync(ConnectionString, role, role.BelongsToAgency() ? OfficerAgency : null);
        }

        Accounts = accounts;
    }

    /// <summary>Another database for a test that needs a province without the seed programme (units and agencies only).</summary>
    public async Task<string> CreateReferenceOnlyDatabaseAsync()
    {
        var name = $"{DatabaseName}_r{_extraDatabases.Count}";
        _extraDatabases.Add(name);
        await CreateDatabaseAsync(name, withProgramme: false);
        return ServingConnection(name);
    }

    /// <summary>Another database with the whole seed programme, for a test that changes seeded records; its name.</summary>
    public async Task<string> CreateProgrammeDatabaseAsync()
    {
        var name = $"{DatabaseName}_p{_extraDatabases.Count}";
        _extraDatabases.Add(name);
        await CreateDatabaseAsync(name, withProgramme: true);
        return name;
    }

    /// <summary>An empty database of this run (no tables), owned by the owner role; its owner's connection string.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"{DatabaseName}_e{_extraDatabases.Count}";
        _extraDatabases.Add(name);
        await using var admin = new NpgsqlConnection(AdminConnection);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {name}", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnection) { Database = name }.ConnectionString;
    }

    /// <summary>Runs <c>lotrinh VERB …</c> as its own process, as an operator would, with the owner and serving connections of <paramref name="database"/>.</summary>
    public async Task<(int Exit, string Output, string Error)> RunCliAsync(string database, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "lotrinh.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Default"] = ServingConnection(database);
        start.Environment["ConnectionStrings__Owner"] = new NpgsqlConnectionStringBuilder(AdminConnection) { Database = database }.ConnectionString;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private async Task<string> CreateDatabaseAsync(string name, bool withProgramme)
    {
        await using (var admin = new NpgsqlConnection(AdminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnection) { Database = name }.ConnectionString;
        await Migrator.MigrateAsync(connectionString, ServingRole);
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).Options);
        await new SeedLoader(db).LoadAsync(SeedLoader.DefaultDirectory, withProgramme);
        return connectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnection);
        await admin.OpenAsync();
        foreach (var name in _extraDatabases.Append(DatabaseName))
        {
            await using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>An account made for the tests, with its password and a personal access token.</summary>
public sealed record TestAccount(Role Role, long Id, string UserName, string DisplayName, string Password, string Token)
{
    public static async Task<TestAccount> CreateAsync(string connectionString, Role role, string? agency, string? userName = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString })
            .Build();
        await using var provider = AdminCommand.AccountServices(configuration);
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        userName ??= $"{role.Code().Replace('_', '.')}.{Guid.NewGuid():N}"[..24];
        var displayName = $"{role.Vietnamese()} thử nghiệm";
        var (user, password, errors) = await AccountBook.CreateUserAsync(users, db, new NewUserInput(userName, displayName, role.Code(), agency), null, default);
        if (user is null)
        {
            throw new InvalidOperationException(string.Join("; ", errors.All.SelectMany(e => e.Value)));
        }

        var (token, _) = await AccountBook.IssueTokenAsync(db, TimeProvider.System, user.Id, new TokenInput("kiểm thử", 1), default);
        return new TestAccount(role, user.Id, user.UserName!, displayName, password!, token!.Token);
    }
}
