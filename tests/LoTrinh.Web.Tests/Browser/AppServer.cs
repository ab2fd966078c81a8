using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace LoTrinh.Web.Tests.Browser;

/// <summary>The app as its own process on a loopback port against a test database, as it runs in production, and Debian's Chromium.</summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process _server;
    private IPlaywright? _playwright;

    private AppServer(Process server, string baseUrl)
    {
        _server = server;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public IBrowser Browser { get; private set; } = null!;

    public Process Process => _server;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private volatile bool _firstRoundDone;

    /// <summary>The last lines the app wrote (its log), for a failing test to show.</summary>
    public string Output => string.Join('\n', _output);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _firstRoundDone |= line.Contains("First round done", StringComparison.Ordinal);
        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>Starts the app (and, unless told not to, Chromium); <paramref name="environment"/> adds settings.</summary>
    public static async Task<AppServer> StartAsync(string connectionString, bool withBrowser = true, IReadOnlyDictionary<string, string>? environment = null)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "lotrinh.dll"), "--urls", baseUrl, "--contentRoot", WebProjectDirectory()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Default"] = connectionString;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var server = new AppServer(process, baseUrl);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilServingAsync();
        if (!withBrowser)
        {
            return server;
        }

        server._playwright = await Playwright.CreateAsync();
        server.Browser = await server._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server.Dispose();
    }

    /// <summary>Signs in through the sign-in page, as a person does.</summary>
    public static async Task SignInAsync(IPage page, TestAccount account)
    {
        await page.GotoAsync("/Accounts/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(account.UserName);
        await page.GetByLabel("Mật khẩu").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(account.DisplayName);
    }

    /// <summary>The project folder, whose wwwroot holds the CSS and scripts the pages load.</summary>
    private static string WebProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "LoTrinh.Web");
            if (Directory.Exists(Path.Combine(candidate, "wwwroot")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/LoTrinh.Web not found above the test binaries.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Ends the app at once (SIGKILL), as a power cut or the OOM killer would.</summary>
    public async Task KillAsync()
    {
        _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
    }

    /// <summary>Waits until the app's first round (periods opened, urging run) is done, so what it writes on its own
    /// is not mistaken for what a request wrote.</summary>
    public async Task WaitForFirstRoundAsync()
    {
        for (var waited = 0; waited < 600; waited++)
        {
            if (_firstRoundDone)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The app's first round did not finish within 60 s.\n" + Output);
    }

    private async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_server.ExitCode}.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseUrl + "/api/deadlines/parse?text=2025"));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException("The app did not start within 20 s.");
    }

    /// <summary>
    /// Types into a searching picker (tom-select over select[name]), waits for the server's matches and
    /// clicks the first that starts with <paramref name="choice"/>; returns every match offered.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PickAsync(IPage page, string name, string typed, string choice)
    {
        var picker = page.Locator($"select[name={name}] + .ts-wrapper");
        await picker.Locator(".ts-control").ClickAsync();
        await picker.Locator(".ts-control input").PressSequentiallyAsync(typed);
        var option = picker.Locator(".ts-dropdown .option").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(choice)) }).First;
        await Assertions.Expect(option).ToBeVisibleAsync();
        var offered = await picker.Locator(".ts-dropdown .option").AllInnerTextsAsync();
        await option.ClickAsync();
        return offered;
    }
}
