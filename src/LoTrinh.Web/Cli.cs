using System.CommandLine;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Classification;
using LoTrinh.Web.Features.Seeding;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web;

/// <summary>The command-line verbs: <c>lotrinh migrate</c>, <c>lotrinh seed</c>, <c>lotrinh classify</c>.</summary>
internal static class Cli
{
    private static readonly string[] Verbs = ["migrate", "seed", "classify", "--help", "-h", "-?"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("LoTrinh — theo dõi thực hiện chương trình phát triển đô thị. Không có lệnh: chạy trang web.");

        var migrate = new Command("migrate", "Áp dụng các tập lệnh SQL chưa chạy vào cơ sở dữ liệu.");
        migrate.SetAction(async (_, ct) =>
        {
            var applied = await Migrator.MigrateAsync(ConnectionString(), ct);
            Console.WriteLine(applied.Count == 0 ? "Cơ sở dữ liệu đã ở phiên bản mới nhất." : $"Đã áp dụng: {string.Join(", ", applied)}");
            return 0;
        });

        var from = new Option<DirectoryInfo>("--from") { Description = "Thư mục dữ liệu khởi tạo (mặc định: seed/ cạnh chương trình)." };
        var ifEmpty = new Option<bool>("--if-empty") { Description = "Bỏ qua, không báo lỗi, khi cơ sở dữ liệu đã có dữ liệu." };
        var seed = new Command("seed", "Nạp chương trình mẫu (bốn văn bản, đơn vị hành chính, số liệu Lâm Đồng) vào cơ sở dữ liệu trống.")
        {
            from, ifEmpty,
        };
        seed.SetAction(async (parse, ct) =>
        {
            await using var db = NewContext();
            if (parse.GetValue(ifEmpty) && await db.Directives.AnyAsync(ct))
            {
                Console.WriteLine("Cơ sở dữ liệu đã có dữ liệu; không nạp lại.");
                return 0;
            }

            var directory = parse.GetValue(from)?.FullName ?? SeedLoader.DefaultDirectory;
            try
            {
                var summary = await new SeedLoader(db).LoadAsync(directory, ct);
                Console.WriteLine($"Đã nạp: {summary.Units} đơn vị hành chính, {summary.Agencies} cơ quan, {summary.Directives} văn bản, "
                    + $"{summary.Targets} chỉ tiêu, {summary.Tasks} nhiệm vụ, {summary.Measurements} số liệu.");
                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException)
            {
                await Console.Error.WriteLineAsync($"lotrinh seed: {e.Message}");
                return 2;
            }
        });

        var file = new Argument<FileInfo>("FILE") { Description = "Tệp JSON: {\"basis\", \"class\", \"values\", \"notConsidered\", \"heritage\", \"regions\"}." };
        var asJson = new Option<bool>("--json") { Description = "In toàn bộ kết quả dạng JSON." };
        var criteria = new Option<FileInfo>("--criteria") { Description = "Dùng bộ tiêu chuẩn từ tệp này thay cho bộ dựng sẵn." };
        var classify = new Command("classify", "Chấm điểm phân loại đô thị cho một đô thị từ tệp số liệu; in bảng điểm và phần còn thiếu.")
        {
            file, asJson, criteria,
        };
        classify.SetAction(parse => ClassifyCommand.Run(parse.GetValue(file)!, parse.GetValue(asJson), parse.GetValue(criteria), Console.Out, Console.Error));

        root.Subcommands.Add(migrate);
        root.Subcommands.Add(classify);
        root.Subcommands.Add(seed);
        return await root.Parse(args).InvokeAsync();
    }

    private static IConfiguration Configuration() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    private static string ConnectionString() => Configuration().GetConnectionString("Default")
        ?? throw new InvalidOperationException("Chưa cấu hình ConnectionStrings__Default.");

    private static AppDbContext NewContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionString()).Options);
}
