using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Seeding;
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
    private readonly string _adminConnection = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
        ?? throw new InvalidOperationException("Set ConnectionStrings__Default (./test.sh does) to a PostgreSQL the tests may create databases on.");

    private readonly List<string> _extraDatabases = [];
    private WebApplicationFactory<Program>? _factory;

    public string DatabaseName { get; } = $"lotrinh_t_{Guid.NewGuid():N}";
    public string ConnectionString { get; private set; } = string.Empty;
    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public AppDbContext NewDb() => new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionString).Options);

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync(DatabaseName, withProgramme: true);

        // The app reads its connection string while it composes its services, so it is set before the host starts.
        Environment.SetEnvironmentVariable("ConnectionStrings__Default", ConnectionString);
        _factory = new WebApplicationFactory<Program>();
    }

    /// <summary>Another database for a test that needs a province without the seed programme (units and agencies only).</summary>
    public async Task<string> CreateReferenceOnlyDatabaseAsync()
    {
        var name = $"{DatabaseName}_r{_extraDatabases.Count}";
        _extraDatabases.Add(name);
        return await CreateDatabaseAsync(name, withProgramme: false);
    }

    private async Task<string> CreateDatabaseAsync(string name, bool withProgramme)
    {
        await using (var admin = new NpgsqlConnection(_adminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = name }.ConnectionString;
        await Migrator.MigrateAsync(connectionString);
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
        await using var admin = new NpgsqlConnection(_adminConnection);
        await admin.OpenAsync();
        foreach (var name in _extraDatabases.Append(DatabaseName))
        {
            await using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
