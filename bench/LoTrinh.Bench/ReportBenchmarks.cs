using BenchmarkDotNet.Attributes;
using LoTrinh.Core.Documents;
using LoTrinh.Core.Tasks;
using LoTrinh.Web.Features.Dashboard;
using LoTrinh.Web.Features.ProgressReports;
using LoTrinh.Web.Features.Targets;
using LoTrinh.Web.Features.Tasks;
using MiniExcelLibs;

namespace LoTrinh.Bench;

/// <summary>
/// The periodic report of a programme of 500 tasks (issue 18: ≤ 1 s), written from figures already read: the Decree 30
/// document with its tables and annexes, against the baseline of the same 500 task rows written as an XLSX by
/// MiniExcel in the same run — what a file of that size costs at all.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private ProgressReportData _data = null!;
    private List<Dictionary<string, object?>> _rows = [];

    [Params(500)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(18);
        var asOf = new DateOnly(2024, 6, 30);
        var statuses = Enum.GetValues<TaskStatusClass>();
        var tasks = Enumerable.Range(1, Tasks).Select(i =>
        {
            var status = statuses[random.Next(statuses.Length)];
            var due = asOf.AddDays(random.Next(-400, 400));
            return new TaskRow(i, $"Nhiệm vụ số {i}: rà soát, lập và điều chỉnh quy hoạch phân khu đô thị theo chương trình", 1 + (i % 12),
                $"{100 + (i % 12)}/KH-UBND", "II.3", $"Sở {i % 40}", [], [$"UBND xã {i % 60}"],
                new DeadlineView($"Quý {1 + (i % 4)}/2024", due, "quarter", false), null, status.Code(), status.Vietnamese());
        }).ToList();
        var counts = tasks.GroupBy(t => statuses.First(s => s.Code() == t.Status)).ToDictionary(g => g.Key, g => g.Count());
        var tally = StatusTally.From(counts);
        var lines = Enumerable.Range(0, 40).Select(i => new TallyLine(i, $"Sở {i}", tally)).ToList();
        var targets = Enumerable.Range(1, 60).Select(i => new TargetRow(i, i, $"Chỉ tiêu {i}", "%", "locality", "Tỉnh Lâm Đồng", 2025, ">=",
            50, null, null, "Đạt trên 50%", 1, "29-CTr/TU", null, null, "on_track", "Đúng lộ trình", "on_track", "Đúng lộ trình", 0.8, "",
            new LatestValue(42.5m, asOf, "Năm 2023"), null, false)).ToList();
        _data = new ProgressReportData(1, "Chương trình hành động số 29-CTr/TU", "Thực hiện Nghị quyết số 06-NQ/TW", null, asOf, 12,
            tally, lines[..12], lines, [.. tasks.Where(t => t.Status == TaskStatusClass.InProgressOverdue.Code())], tasks, targets,
            [new AgencyRemark("Sở Xây dựng", "Thiếu kinh phí lập quy hoạch", null)], [new AgencyRemark("Sở Xây dựng", "Bố trí vốn", null)],
            [new AgencyUrges("Sở Xây dựng", 12, 4)], 30);
        _rows = [.. tasks.Select(t => new Dictionary<string, object?>
        {
            ["STT"] = t.Id, ["Nhiệm vụ"] = t.Text, ["Văn bản"] = t.Directive, ["Chủ trì"] = t.Lead,
            ["Phối hợp"] = string.Join(", ", t.Cooperating), ["Thời hạn"] = t.Deadline?.Text, ["Tình trạng"] = t.StatusLabel,
        })];
    }

    [Benchmark(Baseline = true)]
    public long TaskTableAsXlsx()
    {
        using var file = new MemoryStream();
        MiniExcel.SaveAs(file, _rows);
        return file.Length;
    }

    [Benchmark]
    public int Decree30Docx() => DecreeDocument.Write(_data, ReportForm.Default, 7, new DateOnly(2024, 7, 5)).Length;
}
