using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoTrinh.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LoTrinh.Web.Tests.Security;

public sealed class AccountsAndAuditTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officer_SeesOnlyTheAgencysTasks_AndAnotherAgencysTaskIsNotFound()
    {
        var own = await app.NewTaskAsync(AppFixture.OfficerAgency);
        var other = await app.NewTaskAsync(AppFixture.OtherAgency);
        var officer = app.As(Role.AgencyOfficer);

        var board = await officer.GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=1000", Ct);
        var ids = board.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(own, ids);
        Assert.DoesNotContain(other, ids);
        foreach (var row in board.EnumerateArray())
        {
            var agencies = row.GetProperty("coLeads").EnumerateArray().Concat(row.GetProperty("cooperating").EnumerateArray())
                .Select(a => a.GetString()).Append(row.GetProperty("lead").GetString());
            Assert.Contains(agencies, a => a is not null && a.Contains("xã Đức Trọng", StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/tasks/{own}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/tasks/{other}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Tasks/Details/{other}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/History/task/{other}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.As(Role.Leadership).GetAsync($"/api/tasks/{other}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"/api/tasks/{own}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Public_ReadsPublishedDirectivesOnly()
    {
        var created = await app.Client().PostAsJsonAsync("/api/directives",
            new { kind = "Kế hoạch", issuer = "UBND xã Đức Trọng", title = "Kế hoạch chưa công bố", number = $"{Random.Shared.Next(1000, 999_999)}/KH-UBND" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/directives/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client().PostAsJsonAsync($"/api/directives/{id}/publish", new { published = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync($"/api/directives/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task TaskEdit_SecondSaveFromAnOlderReading_IsRefusedWith409AndTheCurrentValues()
    {
        var id = await app.NewTaskAsync(AppFixture.OtherAgency);
        var read = await app.Client().GetFromJsonAsync<JsonElement>($"/api/tasks/{id}", Ct);
        var version = read.GetProperty("version").GetUInt32();

        var first = await app.Client().PutAsJsonAsync($"/api/tasks/{id}", new { text = "Bản sửa thứ nhất", lead = AppFixture.OtherAgency, deadline = "Quý III/2026", version }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await app.As(Role.Administrator).PutAsJsonAsync($"/api/tasks/{id}", new { text = "Bản sửa thứ hai", lead = AppFixture.OtherAgency, version }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Bản sửa thứ nhất", problem.GetProperty("current").GetProperty("text").GetString());
        await using var db = app.NewDb();
        Assert.Equal("Bản sửa thứ nhất", await db.Tasks.Where(t => t.Id == id).Select(t => t.Text).SingleAsync(Ct));
    }

    [Fact]
    public async Task Changes_AreAudited_WithWhoAndBeforeAndAfter_AndDeletionIsSoft()
    {
        var id = await app.NewTaskAsync(AppFixture.OtherAgency);
        var secretariat = app.Accounts[Role.Secretariat];
        var version = (await app.Client().GetFromJsonAsync<JsonElement>($"/api/tasks/{id}", Ct)).GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.OK, (await app.Client().PutAsJsonAsync($"/api/tasks/{id}", new { text = "Nội dung đã sửa", lead = AppFixture.OtherAgency, version }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await app.Client().PostAsJsonAsync($"/api/tasks/{id}/progress", new { text = "Đã làm một phần" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client().DeleteAsync($"/api/tasks/{id}", Ct)).StatusCode);

        var history = await app.As(Role.Leadership).GetFromJsonAsync<JsonElement>($"/api/history/task/{id}", Ct);
        var entries = history.EnumerateArray().ToList();
        var mine = entries.Where(e => e.GetProperty("actorId").ValueKind == JsonValueKind.Number && e.GetProperty("actorId").GetInt64() == secretariat.Id).ToList();
        Assert.Contains(mine, e => e.GetProperty("action").GetString() == "soft_delete");
        Assert.Contains(mine, e => e.GetProperty("table").GetString() == "progress_update" && e.GetProperty("action").GetString() == "insert");
        var edit = Assert.Single(mine, e => e.GetProperty("action").GetString() == "update");
        Assert.Equal(secretariat.DisplayName, edit.GetProperty("actor").GetString());
        Assert.Contains(edit.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "text" && c.GetProperty("after").GetString() == "Nội dung đã sửa");
        Assert.Equal("insert", entries[^1].GetProperty("action").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/api/tasks/{id}", Ct)).StatusCode);
        await using var db = app.NewDb();
        Assert.True(await db.Tasks.IgnoreQueryFilters().AnyAsync(t => t.Id == id && t.DeletedAt != null, Ct));
    }

    [Theory]
    [InlineData("update audit_event set actor_name = 'ai đó' where id = (select max(id) from audit_event)")]
    [InlineData("delete from audit_event where id = (select max(id) from audit_event)")]
    [InlineData("truncate audit_event")]
    public async Task AuditTable_RefusesChangesFromTheApplicationsRole(string sql)
    {
        await using var connection = new NpgsqlConnection(app.AppConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task AuditTrigger_RefusesEvenWhenTheRightIsGrantedBack()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var tx = await connection.BeginTransactionAsync(Ct);
        await using (var grant = new NpgsqlCommand("grant update, delete on audit_event to current_user", connection, tx))
        {
            await grant.ExecuteNonQueryAsync(Ct);
        }

        await using var delete = new NpgsqlCommand("delete from audit_event where id = (select max(id) from audit_event)", connection, tx);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync(Ct));
        Assert.Contains("chỉ được ghi thêm", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LockTheAccount_EvenForTheRightOne()
    {
        var account = await TestAccount.CreateAsync(app.ConnectionString, Role.Leadership, null);
        var client = CookieClient();
        for (var i = 0; i < 4; i++)
        {
            var wrong = await SignInAsync(client, account.UserName, "sai-mat-khau-" + i);
            Assert.Contains("không đúng", wrong, StringComparison.Ordinal);
        }

        Assert.Contains("tạm khóa", await SignInAsync(client, account.UserName, "sai-lan-thu-nam"), StringComparison.Ordinal);
        var locked = await SignInAsync(client, account.UserName, account.Password);
        Assert.Contains("tạm khóa", locked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Accounts", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignIn_RightPassword_GivesACookieSession_WithSecureHeaders()
    {
        var account = app.Accounts[Role.Leadership];
        var client = CookieClient();
        await SignInAsync(client, account.UserName, account.Password);

        var page = await client.GetAsync("/Accounts", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(account.DisplayName, await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var csp = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task PageForm_WithoutAntiforgeryToken_IsRefusedAndWritesNothing()
    {
        var account = app.Accounts[Role.Secretariat];
        var client = CookieClient();
        await SignInAsync(client, account.UserName, account.Password);
        var id = await app.NewTaskAsync(AppFixture.OtherAgency);

        var forged = await client.PostAsync($"/Tasks/Details/{id}?handler=Progress",
            new FormUrlEncodedContent([new("Progress.Text", "Gửi từ trang khác")]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await using var db = app.NewDb();
        Assert.False(await db.ProgressUpdates.AnyAsync(p => p.TaskId == id, Ct));
    }

    [Fact]
    public async Task AccessToken_Revoked_NoLongerOpensTheApi()
    {
        var account = await TestAccount.CreateAsync(app.ConnectionString, Role.Leadership, null);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", account.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account", Ct)).StatusCode);
        var tokens = await client.GetFromJsonAsync<JsonElement>("/api/account/tokens", Ct);
        var tokenId = tokens.EnumerateArray().Single().GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/account/tokens/{tokenId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account", Ct)).StatusCode);
        // Kept at rest: the SHA-256 and a short prefix to tell tokens apart, never the token.
        await using var db = app.NewDb();
        var stored = await db.AccessTokens.SingleAsync(t => t.Id == tokenId, Ct);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(account.Token)), stored.Hash);
        Assert.True(stored.Prefix.Length < account.Token.Length / 4);
        Assert.NotNull(stored.RevokedAt);
    }

    private HttpClient CookieClient() => app.CookieClient();

    private static Task<string> SignInAsync(HttpClient client, string userName, string password) => AppFixture.SignInAsync(client, userName, password);
}
