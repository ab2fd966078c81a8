using System.CommandLine;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Accounts;
using LoTrinh.Web.Features.Classification;
using LoTrinh.Web.Features.Extraction;
using LoTrinh.Web.Features.Seeding;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web;

/// <summary>The command-line verbs: <c>lotrinh migrate</c>, <c>lotrinh seed</c>, <c>lotrinh admin create</c>, <c>lotrinh classify</c>, <c>lotrinh extract</c>, <c>lotrinh extract-eval</c>, <c>lotrinh backup</c>, <c>lotrinh restore</c>, <c>lotrinh urge</c>.</summary>
internal static class Cli
{
    private static readonly string[] Verbs = ["migrate", "seed", "admin", "classify", "extract", "extract-eval", "backup", "restore", "urge", "--help", "-h", "-?"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("LoTrinh — theo dõi thực hiện chương trình phát triển đô thị. Không có lệnh: chạy trang web.");

        var migrate = new Command("migrate", "Áp dụng các tập lệnh SQL chưa chạy vào cơ sở dữ liệu.");
        migrate.SetAction(async (_, ct) =>
        {
            var applied = await Migrator.MigrateAsync(OwnerConnectionString(), ServingRole(), ct);
            Console.WriteLine(applied.Count == 0 ? "Cơ sở dữ liệu đã ở phiên bản mới nhất." : $"Đã áp dụng: {string.Join(", ", applied)}");
            return 0;
        });

        var from = new Option<DirectoryInfo>("--from") { Description = "Thư mục dữ liệu khởi tạo (mặc định: seed/ cạnh chương trình)." };
        var ifEmpty = new Option<bool>("--if-empty") { Description = "Bỏ qua, không báo lỗi, khi cơ sở dữ liệu đã có dữ liệu." };
        var referenceOnly = new Option<bool>("--reference-only")
        {
            Description = "Chỉ nạp đơn vị hành chính và cơ quan, không nạp chương trình mẫu: một tỉnh bắt đầu bằng việc nhập văn bản của mình.",
        };
        var synthetic = new Option<string>("--synthetic")
        {
            Description = "Thêm một chương trình mô phỏng cỡ một tỉnh, một vùng hoặc cả nước (province | region | national) để đo hiệu năng; "
                + "nạp chương trình mẫu trước nếu cơ sở dữ liệu trống.",
        };
        synthetic.AcceptOnlyFromAmong([.. SyntheticPreset.All.Select(p => p.Name)]);
        var seed = new Command("seed", "Nạp chương trình mẫu (bốn văn bản, đơn vị hành chính, số liệu Lâm Đồng) vào cơ sở dữ liệu trống.")
        {
            from, ifEmpty, referenceOnly, synthetic,
        };
        seed.SetAction(async (parse, ct) =>
        {
            await using var db = NewContext();
            if (parse.GetValue(synthetic) is { } presetName)
            {
                if (!await db.Units.AnyAsync(ct))
                {
                    await new SeedLoader(db).LoadAsync(parse.GetValue(from)?.FullName ?? SeedLoader.DefaultDirectory, withProgramme: true, ct);
                }

                try
                {
                    var added = await SyntheticProgramme.AddAsync(OwnerConnectionString(), SyntheticPreset.Find(presetName)!, Console.Out, ct);
                    Console.WriteLine("Đã thêm: " + string.Join(", ", added.Select(a => $"{a.Table} {a.Rows:N0}")));
                    return 0;
                }
                catch (InvalidOperationException e)
                {
                    await Console.Error.WriteLineAsync($"lotrinh seed: {e.Message}");
                    return 2;
                }
            }

            if (parse.GetValue(ifEmpty) && (await db.Directives.AnyAsync(ct) || await db.Units.AnyAsync(ct)))
            {
                Console.WriteLine("Cơ sở dữ liệu đã có dữ liệu; không nạp lại.");
                return 0;
            }

            var directory = parse.GetValue(from)?.FullName ?? SeedLoader.DefaultDirectory;
            try
            {
                var summary = await new SeedLoader(db).LoadAsync(directory, withProgramme: !parse.GetValue(referenceOnly), ct);
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

        var directiveFile = new Argument<FileInfo>("FILE") { Description = "Văn bản chỉ đạo: .txt (UTF-8, UTF-16, Windows-1258), .docx hoặc .pdf." };
        var extractJson = new Option<bool>("--json") { Description = "In kết quả dạng JSON theo lược đồ của bộ chú giải (document, references, objectives, targets, tasks)." };
        var extractOutline = new Option<bool>("--outline")
        {
            Description = "In văn bản đã chuẩn hóa, mỗi đoạn với vị trí trong bố cục (số mục, phần, tiêu đề): để xem bộ đọc hiểu văn bản thế nào.",
        };
        var extract = new Command("extract", "Đọc một văn bản chỉ đạo: thông tin chung, văn bản dẫn chiếu, mục tiêu, chỉ tiêu, nhiệm vụ.")
        {
            directiveFile, extractJson, extractOutline,
        };
        extract.SetAction((parse, _) => ExtractCommands.ExtractAsync(
            parse.GetValue(directiveFile)!, parse.GetValue(extractJson), Console.Out, Console.Error, parse.GetValue(extractOutline)));

        var goldDir = new Argument<DirectoryInfo>("GOLD_DIR") { Description = "Thư mục các tệp *.gold.json." };
        var textDir = new Argument<DirectoryInfo>("TEXT_DIR") { Description = "Thư mục các văn bản tương ứng." };
        var evaluate = new Command("extract-eval", "Chấm bộ đọc văn bản so với bộ chú giải: precision, recall, F1.")
        {
            goldDir, textDir,
        };
        evaluate.SetAction((parse, _) => ExtractCommands.EvaluateAsync(parse.GetValue(goldDir)!, parse.GetValue(textDir)!, Console.Out, Console.Error));

        var user = new Option<string>("--user") { Description = "Tên đăng nhập.", Required = true };
        var fullName = new Option<string?>("--name") { Description = "Họ tên (mặc định: tên đăng nhập)." };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Đọc mật khẩu từ dòng đầu của đầu vào chuẩn; không có: tạo mật khẩu ngẫu nhiên và in ra một lần.",
        };
        var create = new Command("create", "Tạo một tài khoản quản trị hệ thống. Không có mật khẩu mặc định.") { user, fullName, passwordStdin };
        create.SetAction(async (parse, ct) =>
        {
            var password = parse.GetValue(passwordStdin) ? await Console.In.ReadLineAsync(ct) : null;
            return await AdminCommand.CreateAsync(Configuration(), parse.GetValue(user)!, parse.GetValue(fullName), password, Console.Out, Console.Error, ct);
        });
        var admin = new Command("admin", "Tài khoản quản trị.") { create };

        var backupTo = new Option<FileInfo>("--to") { Description = "Tệp sao lưu sẽ ghi (định dạng tùy biến của pg_dump).", Required = true };
        var backup = new Command("backup", "Sao lưu toàn bộ cơ sở dữ liệu (chương trình, tài khoản, nhật ký thay đổi, tệp đã nhập).") { backupTo };
        backup.SetAction((parse, ct) => Backups.BackupAsync(OwnerConnectionString(), parse.GetValue(backupTo)!, Console.Out, Console.Error, ct));
        var restoreFrom = new Option<FileInfo>("--from") { Description = "Tệp do lotrinh backup ghi.", Required = true };
        var restore = new Command("restore", "Khôi phục một bản sao lưu vào cơ sở dữ liệu trống, rồi cập nhật lược đồ và cấp quyền cho vai trò phục vụ.") { restoreFrom };
        restore.SetAction((parse, ct) => Backups.RestoreAsync(OwnerConnectionString(), ServingRole(), parse.GetValue(restoreFrom)!, Console.Out, Console.Error, ct));

        var day = new Option<string>("--day") { Description = "Ngày chạy quy tắc đôn đốc (yyyy-mm-dd; mặc định hôm nay).", Required = false };
        var urge = new Command("urge", "Chạy quy tắc đôn đốc cho một ngày (như dịch vụ nền làm mỗi ngày); in thời gian, số lượt đôn đốc, thông báo và số lần gọi cơ sở dữ liệu.")
        {
            day,
        };
        urge.SetAction(async (parse, ct) =>
        {
            var on = parse.GetValue(day) is { } text ? DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : TimeProvider.System.Today();
            await using var db = NewContext();
            // A running server has built EF's model and compiled its queries long before 7:00; so does this, untimed.
            await db.UrgingRuns.AnyAsync(r => r.Day == on, ct);
            // Every command Npgsql sends is an activity of its source: their count is the round trips of the run.
            var commands = 0;
            using var listener = new System.Diagnostics.ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
                ActivityStopped = _ => Interlocked.Increment(ref commands),
            };
            System.Diagnostics.ActivitySource.AddActivityListener(listener);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var outcome = await Features.Urging.DailyUrging.RunAsync(db, on, ct);
            watch.Stop();
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
            {
                day = on,
                urges = outcome.Urges,
                notified = outcome.Notified,
                alreadyRun = outcome.AlreadyRun,
                seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
                roundTrips = commands,
            }));
            return 0;
        });

        root.Subcommands.Add(urge);
        root.Subcommands.Add(admin);
        root.Subcommands.Add(backup);
        root.Subcommands.Add(restore);
        root.Subcommands.Add(extract);
        root.Subcommands.Add(evaluate);
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

    /// <summary>
    /// The schema owner's connection (ConnectionStrings__Owner), for migrating, seeding, backing up and
    /// restoring; the app serves through ConnectionStrings__Default. With no owner configured, one role does both.
    /// </summary>
    public static string OwnerConnectionString() => Configuration().GetConnectionString("Owner") ?? ConnectionString();

    /// <summary>The role the app serves as, when it is not the owner.</summary>
    private static string? ServingRole() =>
        Configuration().GetConnectionString("Owner") is null ? null : new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString()).Username;

    private static AppDbContext NewContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(OwnerConnectionString()).Options);
}
