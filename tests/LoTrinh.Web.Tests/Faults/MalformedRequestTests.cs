using System.Net.Http.Json;
using System.Text.Json;
using LoTrinh.Core.Accounts;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Tests.Faults;

/// <summary>
/// The fault suite's bad-input part: every operation of the OpenAPI document, every parameter and body
/// field, sent malformed by an administrator (who may call every write) to the app as its own process
/// behind Kestrel, as production runs it. None may answer 5xx, and the database must be the same, row for
/// row, before and after.
/// </summary>
public sealed class MalformedRequestTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryOperation_Malformed_AnswersWithoutServerErrorAndChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LoTrinh.Web.Tests.Browser.AppServer.StartAsync(app.AppConnectionString, withBrowser: false);
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.Accounts[Role.Administrator].Token);
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", ct);
        var task = await app.NewTaskAsync(AppFixture.OfficerAgency);
        await using (var db = app.NewDb())
        {
            var directive = await db.Directives.Select(d => d.Id).FirstAsync(ct);
            var measurement = await db.Measurements.Select(m => m.Id).FirstAsync(ct);
            var urbanArea = await db.UrbanAreas.Select(u => u.Id).FirstAsync(ct);
            var user = app.Accounts[Role.AgencyOfficer].Id;
            // A period and a draft report of the officer's agency, so the reporting cycle's writes meet a real record.
            var (period, report) = await app.NewReportAsync(AppFixture.OfficerAgency);
            _ids = new(StringComparer.Ordinal)
            {
                ["/api/tasks"] = task,
                ["/api/directives"] = directive,
                ["/api/measurements"] = measurement,
                ["/api/classification/urban-areas"] = urbanArea,
                ["/api/users"] = user,
                ["/api/history"] = task,
                ["/api/reporting/reports"] = report,
                ["/api/reporting/periods"] = period,
            };
        }

        var requests = MalformedRequests.For(openApi, IdFor).ToList();
        // The app opens due reporting periods on its own at start; that is not a request's doing.
        await server.WaitForFirstRoundAsync();
        var before = await DataSnapshot.TakeAsync(app.ConnectionString);
        var serverErrors = new List<string>();
        var accepted = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        foreach (var request in requests)
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Url, UriKind.Relative)) { Content = request.Body };
            using var response = await client.SendAsync(message, ct);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status is >= 200 and < 300 && request.Method != "GET")
            {
                accepted.Add($"{status} {request.Operation} [{request.Fault}] {request.Url}");
            }

            if (status >= 500)
            {
                serverErrors.Add($"{status} {request.Operation} [{request.Fault}] {request.Url}");
            }
        }

        var changed = DataSnapshot.Changed(before, await DataSnapshot.TakeAsync(app.ConnectionString));
        var operations = requests.Select(r => r.Operation).Distinct().Count();
        output.WriteLine($"{requests.Count} malformed requests over {operations} operations; statuses: "
            + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")) + $"; 5xx: {serverErrors.Count}; tables changed: {changed.Count}");
        Assert.True(requests.Count >= 1000, $"only {requests.Count} requests generated");
        Assert.True(serverErrors.Count == 0, string.Join("\n", serverErrors.Take(40)));
        Assert.True(changed.Count == 0, "changed: " + string.Join(", ", changed) + "\n" + string.Join("\n", accepted.Take(400)));
    }

    private Dictionary<string, long> _ids = [];

    private string IdFor(string path, string parameter)
    {
        if (parameter == "subject")
        {
            return "task";
        }

        var match = _ids.Where(p => path.StartsWith(p.Key, StringComparison.Ordinal)).OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault();
        return (match == 0 ? 1 : match).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
