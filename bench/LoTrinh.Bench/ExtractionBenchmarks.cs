using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using LoTrinh.Core.Extraction;

namespace LoTrinh.Bench;

/// <summary>
/// Extraction throughput on one thread: the seven directives on file (the four seeds and the own genre
/// corpus), and one long directive made of them. The baseline is the text repair alone
/// (<see cref="DirectiveText.Normalise"/>), measured in the same run, so the ratio says what reading the
/// structure costs on top of cleaning the text.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ExtractionBenchmarks
{
    private string[] _documents = [];
    private string _long = string.Empty;

    /// <summary>The text each benchmark reads: the documents one by one, or the long one.</summary>
    [Params("documents", "long")]
    public string Input { get; set; } = "documents";

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot();
        _documents = [.. Directory.GetFiles(Path.Combine(root, "seed", "documents"), "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(root, "corpus", "texts"), "*.txt"))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)];

        // A programme a province might really write: many numbered parts, each a directive's body.
        var builder = new StringBuilder();
        for (var copy = 0; copy < 20; copy++)
        {
            foreach (var d in _documents)
            {
                builder.AppendLine(d);
            }
        }

        _long = builder.ToString();
        Bytes[Input] = Input == "long" ? Encoding.UTF8.GetByteCount(_long) : _documents.Sum(Encoding.UTF8.GetByteCount);
    }

    /// <summary>UTF-8 bytes read per operation, by input: the MB/s column divides them by the mean time.</summary>
    internal static readonly Dictionary<string, long> Bytes = [];

    [Benchmark(Baseline = true)]
    public int Normalise() => Input == "long"
        ? DirectiveText.Normalise(_long).Text.Length
        : _documents.Sum(d => DirectiveText.Normalise(d).Text.Length);

    [Benchmark]
    public int Extract() => Input == "long"
        ? DirectiveExtractor.Extract(_long).Tasks.Count
        : _documents.Sum(d => DirectiveExtractor.Extract(d).Tasks.Count);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LoTrinh.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("LoTrinh.slnx not found above the benchmark binaries.");
    }

    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
}

/// <summary>Adds a MB/s column: the input's UTF-8 size over the mean time of one operation.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(new ThroughputColumn());

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "MBps";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "UTF-8 megabytes of directive text read per second, one thread";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            var input = (string)benchmarkCase.Parameters["Input"];
            if (report?.ResultStatistics is not { } stats)
            {
                return "—";
            }

            // The column is computed in the host process; the bytes are recomputed here from the same files.
            var bytes = InputBytes(input);
            return (bytes / (stats.Mean / 1e9) / 1_000_000).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        }

        private static long InputBytes(string input)
        {
            if (!ExtractionBenchmarks.Bytes.ContainsKey(input))
            {
                var probe = new ExtractionBenchmarks { Input = input };
                probe.Setup();
            }

            return ExtractionBenchmarks.Bytes[input];
        }
    }
}
