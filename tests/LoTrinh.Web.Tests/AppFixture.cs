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

    private WebApplicationFactory<Program>? _factory;

    public string DatabaseName { get; } = $"lotrinh_t_{Guid.NewGuid():N}";
    public string ConnectionString { get; private set; } = string.Empty;
    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public AppDbContext NewDb() => new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionString).Options);

    public async ValueTask InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(_adminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {DatabaseName}", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = DatabaseName }.ConnectionString;
        await Migrator.MigrateAsync(ConnectionString);
        await using (var db = NewDb())
        {
            await new SeedLoader(db).LoadAsync(SeedLoader.DefaultDirectory);
        }

        // The app reads its connection string while it composes its services, so it is set before the host starts.
        Environment.SetEnvironmentVariable("ConnectionStrings__Default", ConnectionString);
        _factory = new WebApplicationFactory<Program>();
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
        await using var drop = new NpgsqlCommand($"drop database if exists {DatabaseName} with (force)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
