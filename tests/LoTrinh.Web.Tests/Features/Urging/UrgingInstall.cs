using LoTrinh.Core.Accounts;
using LoTrinh.Web.Tests.Browser;
using LoTrinh.Web.Tests.Faults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LoTrinh.Web.Tests.Features.Urging;

/// <summary>
/// The seeded programme served as on Monday 15/4/2024, 9:00 in Việt Nam (Clock:Start), the urging hour past, with a
/// local SMTP sink. 16-KL/BCĐ's task due "chậm nhất tháng Quý I/2024" (31/3 is a Sunday: it ended Monday 1/4) is led by
/// UBND huyện Đức Trọng, whose officer and head have e-mail addresses, as do a secretary and a leader. The app's
/// rounds come every 3 seconds.
/// </summary>
public sealed class UrgingInstall(AppFixture app) : IAsyncLifetime
{
    public const string Today = "2024-04-15T09:00:00+07:00";
    public const string District = "UBND huyện Đức Trọng";

    public SmtpSink Sink { get; } = new();
    public AppServer Server { get; private set; } = null!;
    public string Serving { get; private set; } = string.Empty;
    public TestAccount Secretariat { get; private set; } = null!;
    public TestAccount Officer { get; private set; } = null!;
    public TestAccount Head { get; private set; } = null!;
    public TestAccount Leader { get; private set; } = null!;
    public long TaskId { get; private set; }
    public long DistrictId { get; private set; }

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Clock__Start"] = Today,
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = $"{Sink.Port}",
        ["Smtp__Tls"] = "none",
        ["Smtp__From"] = "lotrinh@lamdong.gov.vn",
        ["Rounds__EveryMinutes"] = "0.05",
    };

    public HttpClient As(TestAccount account) => FaultHelpers.Client(Server.BaseUrl, account.Token);

    public LoTrinh.Web.Data.AppDbContext NewDb() =>
        new(new DbContextOptionsBuilder<LoTrinh.Web.Data.AppDbContext>().UseNpgsql(Serving).Options);

    public static string Address(TestAccount account) => $"{account.UserName}@lamdong.gov.vn";

    public async ValueTask InitializeAsync()
    {
        var database = await app.CreateProgrammeDatabaseAsync();
        Serving = app.ServingConnection(database);
        Secretariat = await TestAccount.CreateAsync(Serving, Role.Secretariat, null);
        Officer = await TestAccount.CreateAsync(Serving, Role.AgencyOfficer, District);
        Head = await TestAccount.CreateAsync(Serving, Role.AgencyHead, District);
        Leader = await TestAccount.CreateAsync(Serving, Role.Leadership, null);
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = database }.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var account in new[] { Officer, Head, Secretariat, Leader })
            {
                await using var email = new NpgsqlCommand("update app_user set email = $1 where user_name = $2", connection)
                {
                    Parameters = { new() { Value = Address(account) }, new() { Value = account.UserName } },
                };
                await email.ExecuteNonQueryAsync();
            }
        }

        await using (var db = NewDb())
        {
            TaskId = await db.Tasks.Where(t => t.Directive.Number == "16-KL/BCĐ" && t.DeadlineText!.Contains("Quý I/2024")).Select(t => t.Id).SingleAsync();
            DistrictId = await db.Agencies.Where(a => a.Name == District || a.ShortName == District).Select(a => a.Id).FirstAsync();
        }

        Server = await AppServer.StartAsync(Serving, withBrowser: true, Environment);
    }

    /// <summary>Waits until the condition holds (the rounds run every 3 s), failing after a minute.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        for (var waited = 0; waited < 600; waited++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Not within a minute: {what}");
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        await Sink.DisposeAsync();
    }
}
