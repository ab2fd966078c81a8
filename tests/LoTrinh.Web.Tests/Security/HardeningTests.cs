using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Tests.Browser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace LoTrinh.Web.Tests.Security;

/// <summary>The gaps a hostile client or a failing database found: sessions, cross-site writes, rate limits, proxies, error answers.</summary>
public sealed partial class HardeningTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer_ACopiedCookieNoLongerOpensAnything()
    {
        var account = app.Accounts[Role.Leadership];
        var browser = app.Anonymous();
        var cookie = await SignInAsync(browser, account, "http://localhost");
        var thief = CookieClient(cookie);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/Accounts", Ct)).StatusCode);

        var signedIn = CookieClient(cookie);
        var token = FormToken(await signedIn.GetStringAsync("/Accounts", Ct));
        var signOut = await signedIn.PostAsync("/Accounts/Logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var after = await thief.GetAsync("/Accounts", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Accounts/Login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/account", Ct)).StatusCode);
    }

    [Fact]
    public async Task CookieApiWrite_FromAnotherSite_IsRefused_FromLoTrinhsOwnPage_Goes()
    {
        var administrator = app.Accounts[Role.Administrator];
        var victim = await TestAccount.CreateAsync(app.ConnectionString, Role.Leadership, null);
        var cookie = await SignInAsync(app.Anonymous(), administrator, "http://localhost");
        var hash = await PasswordHashAsync(victim.Id);

        foreach (var (header, value) in new[] { ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Site", "same-site"), ("Origin", "http://tan-cong.example") })
        {
            using var forged = new HttpRequestMessage(HttpMethod.Post, $"/api/users/{victim.Id}/reset-password");
            forged.Headers.Add(header, value);
            var response = await CookieClient(cookie).SendAsync(forged, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(hash, await PasswordHashAsync(victim.Id));
        }

        using var own = new HttpRequestMessage(HttpMethod.Post, $"/api/users/{victim.Id}/reset-password");
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.OK, (await CookieClient(cookie).SendAsync(own, Ct)).StatusCode);
        Assert.NotEqual(hash, await PasswordHashAsync(victim.Id));
    }

    [Fact]
    public async Task Administrator_CannotLockThemselves()
    {
        var administrator = app.Accounts[Role.Administrator];
        var response = await app.As(Role.Administrator).PostAsJsonAsync($"/api/users/{administrator.Id}/lock", new { locked = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Không tự khóa", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.As(Role.Administrator).GetAsync("/api/account", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignIn_OverTheLimit_Answers429_WithRetryAfter_AndTheStatusPage()
    {
        await using var limited = app.Factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["Security:SignInPerMinute"] = "2" })));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            var token = FormToken(await client.GetStringAsync("/Accounts/Login", Ct));
            last = await client.PostAsync("/Accounts/Login", new FormUrlEncodedContent(
                [new("UserName", "khong-co"), new("Password", "sai-mat-khau-dai"), new("__RequestVerificationToken", token)]), Ct);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(int.Parse(last.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Contains("Quá nhiều lần thử", await last.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseAway_PagesShowTheStatusPage_TheApiAnswers503_BothWithSecurityHeadersAndRetryAfter()
    {
        await using var server = await AppServer.StartAsync("Host=127.0.0.1;Port=1;Database=khong_co;Username=x;Password=x;Timeout=2", withBrowser: false);
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var page = await client.GetAsync("/Directives", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Tạm thời không phục vụ được", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", string.Join(" ", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.NotNull(page.Headers.RetryAfter);

        var api = await client.GetAsync("/api/directives", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(api.Headers.RetryAfter);
        Assert.False(server.Process.HasExited);
    }

    [Fact]
    public async Task BehindATlsProxy_TheSessionCookieIsSecure_AndHstsIsSent()
    {
        await using var server = await AppServer.StartAsync(app.AppConnectionString, withBrowser: false);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(server.BaseUrl) };
        client.DefaultRequestHeaders.Host = "lotrinh.example";
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var cookie = await SignInAsync(client, app.Accounts[Role.Leadership], "https://lotrinh.example", setCookies: response =>
        {
            var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lotrinh=", StringComparison.Ordinal));
            Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("max-age", string.Join(" ", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        });
        Assert.StartsWith("lotrinh=", cookie, StringComparison.Ordinal);
    }

    private HttpClient CookieClient(string cookie)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Signs in through the form with cookies handled by hand; the session cookie ("lotrinh=…").</summary>
    private static async Task<string> SignInAsync(HttpClient client, TestAccount account, string origin, Action<HttpResponseMessage>? setCookies = null)
    {
        var form = await client.GetAsync("/Accounts/Login", Ct);
        var antiforgery = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Accounts/Login")
        {
            Content = new FormUrlEncodedContent([new("UserName", account.UserName), new("Password", account.Password),
                new("__RequestVerificationToken", FormToken(await form.Content.ReadAsStringAsync(Ct)))]),
        };
        post.Headers.Add("Cookie", antiforgery);
        post.Headers.Add("Origin", origin);
        var response = await client.SendAsync(post, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        setCookies?.Invoke(response);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lotrinh=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static string FormToken(string html) => TokenPattern().Match(html).Groups[1].Value;

    private async Task<string?> PasswordHashAsync(long userId)
    {
        await using var db = app.NewDb();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PasswordHash).SingleAsync(Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
