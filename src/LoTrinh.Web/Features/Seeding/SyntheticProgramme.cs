using System.Diagnostics;
using LoTrinh.Core.Agencies;
using LoTrinh.Core.Text;
using Npgsql;

namespace LoTrinh.Web.Features.Seeding;

/// <summary>How much of the country a synthetic programme covers.</summary>
public sealed record SyntheticPreset(string Name, int Provinces, int PlansPerProvince, int TasksPerDirective, int TargetsPerDirective, int MeasuredYears)
{
    // national: 34 provinces × (1 programme + 58 plans) ≈ 2,000 directives, ≈ 200,000 tasks, ≈ 21,000 targets,
    // 150 indicators × 3,355 units × 10 years ≈ 5 million figures — the size the national-scale issue measured.
    public static readonly IReadOnlyList<SyntheticPreset> All =
    [
        new("province", 1, 58, 100, 10, 10),
        new("region", 6, 58, 100, 10, 10),
        new("national", 34, 58, 100, 10, 10),
    ];

    public static SyntheticPreset? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}

/// <summary>
/// A programme of the size of a province, a region or the country, added next to the seed programme, for
/// benchmarks and scale tests. Plausible (the bodies a province has, deadlines written as people write them,
/// figures that trend) and deterministic: every choice is a hash of a position (province, directive, task) or of
/// an id the database assigned in order, never of the clock or a random generator, so the same starting database
/// and preset give the same data (a test compares two). Written by SQL in the database, through the same
/// constraints and triggers as real data (the audit trail included).
/// </summary>
public static class SyntheticProgramme
{
    public const string EnteredBy = "Dữ liệu mô phỏng (synthetic)";

    // The bodies every province has (after the 2025 reform), as directives name them.
    private static readonly (string Name, string Kind)[] ProvincialBodies =
    [
        ("Sở Xây dựng", AgencyKinds.Department), ("Sở Tài chính", AgencyKinds.Department),
        ("Sở Nông nghiệp và Môi trường", AgencyKinds.Department), ("Sở Nội vụ", AgencyKinds.Department),
        ("Sở Tư pháp", AgencyKinds.Department), ("Sở Công Thương", AgencyKinds.Department),
        ("Sở Giáo dục và Đào tạo", AgencyKinds.Department), ("Sở Y tế", AgencyKinds.Department),
        ("Sở Văn hóa, Thể thao và Du lịch", AgencyKinds.Department), ("Sở Khoa học và Công nghệ", AgencyKinds.Department),
        ("Sở Dân tộc và Tôn giáo", AgencyKinds.Department), ("Thanh tra tỉnh", AgencyKinds.Department),
        ("Công an tỉnh", AgencyKinds.Department), ("Văn phòng Ủy ban nhân dân tỉnh", AgencyKinds.Department),
        ("Ban Quản lý dự án đầu tư xây dựng tỉnh", AgencyKinds.Department),
        ("Ban Tuyên giáo và Dân vận Tỉnh ủy", AgencyKinds.PartyBoard), ("Ban Tổ chức Tỉnh ủy", AgencyKinds.PartyBoard),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", AgencyKinds.MassOrganisation),
        ("Ban Chỉ đạo phát triển đô thị tỉnh", AgencyKinds.SteeringCommittee),
        ("Hội đồng nhân dân tỉnh", AgencyKinds.Other), ("Bộ Chỉ huy Quân sự tỉnh", AgencyKinds.Department),
        ("Đài Phát thanh và Truyền hình tỉnh", AgencyKinds.Department),
    ];

    private const string CommuneOffice = "Phòng Kinh tế, Hạ tầng và Đô thị";
    private const int OfficesPerProvince = 29;

    private static readonly (string Name, string Unit, string Direction)[] IndicatorBases =
    [
        ("Tỷ lệ đô thị hóa", "%", "increase"), ("Tỷ lệ đất giao thông so với đất xây dựng đô thị", "%", "increase"),
        ("Tỷ lệ hộ dân được cấp nước sạch", "%", "increase"), ("Tỷ lệ nước thải đô thị được thu gom và xử lý", "%", "increase"),
        ("Tỷ lệ chất thải rắn sinh hoạt được thu gom và xử lý", "%", "increase"), ("Diện tích cây xanh bình quân đầu người", "m2/người", "increase"),
        ("Diện tích nhà ở bình quân đầu người", "m2/người", "increase"), ("Tỷ lệ tuyến phố văn minh đô thị", "%", "increase"),
        ("Tỷ lệ chiếu sáng đường phố chính", "%", "increase"), ("Mật độ đường giao thông", "km/km2", "increase"),
        ("Tỷ lệ lao động phi nông nghiệp", "%", "increase"), ("Thu nhập bình quân đầu người", "triệu đồng/năm", "increase"),
        ("Tỷ lệ hộ nghèo", "%", "decrease"), ("Tỷ lệ đất xây dựng chưa có quy hoạch chi tiết", "%", "decrease"),
        ("Tỷ lệ công trình xây dựng không phép", "%", "decrease"), ("Tỷ lệ phủ quy hoạch phân khu", "%", "increase"),
        ("Tỷ lệ vận tải hành khách công cộng", "%", "increase"), ("Số giường bệnh trên một vạn dân", "giường", "increase"),
        ("Tỷ lệ trường đạt chuẩn quốc gia", "%", "increase"), ("Tỷ lệ dân số được quản lý bằng hồ sơ sức khỏe điện tử", "%", "increase"),
        ("Tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình", "%", "increase"), ("Tỷ lệ bao phủ mạng 5G khu vực đô thị", "%", "increase"),
        ("Tỷ lệ diện tích ngập úng khi mưa lớn", "%", "decrease"), ("Tỷ lệ cơ sở sản xuất gây ô nhiễm được xử lý", "%", "increase"),
        ("Số nhà ở xã hội hoàn thành", "căn", "increase"),
    ];

    private static readonly string[] UrbanClasses = ["loại I", "loại II", "loại III", "loại IV", "loại V"];

    /// <summary>Adds the programme; the reference data (units) must be there. Returns what was added, by table.</summary>
    public static async Task<IReadOnlyList<(string Table, long Rows)>> AddAsync(string ownerConnectionString, SyntheticPreset preset, TextWriter progress, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        var before = await CountsAsync(connection, ct);
        await ExecuteAsync(connection, "set synchronous_commit = off; set jit = off; set work_mem = '64MB'", ct);

        var provinces = await ProvincesAsync(connection, preset.Provinces, ct);
        if (provinces.Count == 0)
        {
            throw new InvalidOperationException("Chưa có đơn vị hành chính: chạy lotrinh seed trước.");
        }

        await using (var check = new NpgsqlCommand("select exists (select from progress_update where entered_by = @by)", connection))
        {
            check.Parameters.AddWithValue("by", EnteredBy);
            if ((bool)(await check.ExecuteScalarAsync(ct))!)
            {
                throw new InvalidOperationException("Chương trình mô phỏng đã có trong cơ sở dữ liệu.");
            }
        }

        var watch = Stopwatch.StartNew();
        void Step(string what) => progress.WriteLine($"  {watch.Elapsed:mm\\:ss} {what}");

        await AddAgenciesAsync(connection, provinces, ct);
        Step("cơ quan");
        await AddIndicatorsAsync(connection, ct);
        Step("chỉ tiêu thống kê");
        await using (var programme = new NpgsqlCommand(ProgrammeSql, connection))
        {
            programme.CommandTimeout = 0;
            programme.Parameters.AddWithValue("provinces", provinces.Select(p => p.Id).ToArray());
            programme.Parameters.AddWithValue("plans", preset.PlansPerProvince);
            programme.Parameters.AddWithValue("tasks", preset.TasksPerDirective);
            programme.Parameters.AddWithValue("targets", preset.TargetsPerDirective);
            programme.Parameters.AddWithValue("by", EnteredBy);
            await programme.ExecuteNonQueryAsync(ct);
        }

        Step("văn bản, nhiệm vụ, chỉ tiêu");
        foreach (var (province, i) in provinces.Select((p, i) => (p, i)))
        {
            // One statement per province: the audit trail of five million figures is written a province at a time.
            await using var figures = new NpgsqlCommand(MeasurementSql, connection) { CommandTimeout = 0 };
            figures.Parameters.AddWithValue("province", province.Id);
            figures.Parameters.AddWithValue("years", preset.MeasuredYears);
            figures.Parameters.AddWithValue("by", EnteredBy);
            await figures.ExecuteNonQueryAsync(ct);
            Step($"số liệu {i + 1}/{provinces.Count} ({province.Short})");
        }

        await ExecuteAsync(connection, "analyze", ct);
        var after = await CountsAsync(connection, ct);
        return after.Select(a => (a.Table, a.Rows - before.First(b => b.Table == a.Table).Rows)).ToList();
    }

    private sealed record Province(long Id, string Name, string Short, bool City);

    private static async Task<List<Province>> ProvincesAsync(NpgsqlConnection connection, int count, CancellationToken ct)
    {
        var provinces = new List<Province>();
        await using var command = new NpgsqlCommand(
            "select id, name from administrative_unit where level = 'province' and valid_to is null order by code limit @n", connection);
        command.Parameters.AddWithValue("n", count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(1);
            var city = name.StartsWith("Thành phố ", StringComparison.Ordinal);
            provinces.Add(new Province(reader.GetInt64(0), name, city ? name["Thành phố ".Length..] : name.Replace("Tỉnh ", string.Empty, StringComparison.Ordinal), city));
        }

        return provinces;
    }

    private static async Task AddAgenciesAsync(NpgsqlConnection connection, List<Province> provinces, CancellationToken ct)
    {
        var rows = new List<(string Name, string Kind, long Unit)>();
        foreach (var p in provinces)
        {
            var level = p.City ? "thành phố" : "tỉnh";
            rows.Add(($"Ủy ban nhân dân {level} {p.Short}", AgencyKinds.PeoplesCommittee, p.Id));
            rows.Add(($"{(p.City ? "Thành ủy" : "Tỉnh ủy")} {p.Short}", AgencyKinds.PartyCommittee, p.Id));
            rows.AddRange(ProvincialBodies.Select(b => (b.Name, b.Kind, p.Id)));
        }

        await using (var bodies = new NpgsqlCommand("""
            insert into agency (name, name_key, kind, administrative_unit_id)
            select * from unnest(@names, @keys, @kinds, @units)
            on conflict (name_key, coalesce(administrative_unit_id, 0)) do nothing
            """, connection))
        {
            bodies.Parameters.AddWithValue("names", rows.Select(r => r.Name).ToArray());
            bodies.Parameters.AddWithValue("keys", rows.Select(r => VietnameseText.MatchKey(r.Name)).ToArray());
            bodies.Parameters.AddWithValue("kinds", rows.Select(r => r.Kind).ToArray());
            bodies.Parameters.AddWithValue("units", rows.Select(r => r.Unit).ToArray());
            await bodies.ExecuteNonQueryAsync(ct);
        }

        // Every commune's people's committee (its name from the unit's: "Xã Đức Trọng" → "Ủy ban nhân dân xã Đức Trọng"),
        // and the economic office of the first communes of each province under it.
        var communes = new List<(long Id, string Name)>();
        await using (var read = new NpgsqlCommand(
            "select id, name from administrative_unit where level = 'commune' and valid_to is null and parent_id = any(@provinces) order by code", connection))
        {
            read.Parameters.AddWithValue("provinces", provinces.Select(p => p.Id).ToArray());
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                communes.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        var committees = communes.Select(c => "Ủy ban nhân dân " + char.ToLowerInvariant(c.Name[0]) + c.Name[1..]).ToArray();
        await using (var insert = new NpgsqlCommand($"""
            insert into agency (name, name_key, kind, administrative_unit_id)
            select name, key, '{AgencyKinds.PeoplesCommittee}', unit from unnest(@names, @keys, @units) as c(name, key, unit)
            on conflict (name_key, coalesce(administrative_unit_id, 0)) do nothing;
            insert into agency (name, name_key, kind, administrative_unit_id, parent_id)
            select @office, @officeKey, '{AgencyKinds.Department}', c.unit,
                   (select a.id from agency a where a.administrative_unit_id = c.unit and a.name_key = c.key)
              from (select u.id unit, k.key, row_number() over (partition by u.parent_id order by u.code) n
                      from unnest(@units, @keys) as k(unit, key) join administrative_unit u on u.id = k.unit) c
             where c.n <= {OfficesPerProvince}
            on conflict (name_key, coalesce(administrative_unit_id, 0)) do nothing;
            """, connection))
        {
            insert.Parameters.AddWithValue("names", committees);
            insert.Parameters.AddWithValue("keys", committees.Select(VietnameseText.MatchKey).ToArray());
            insert.Parameters.AddWithValue("units", communes.Select(c => c.Id).ToArray());
            insert.Parameters.AddWithValue("office", CommuneOffice);
            insert.Parameters.AddWithValue("officeKey", VietnameseText.MatchKey(CommuneOffice));
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task AddIndicatorsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var names = IndicatorBases.SelectMany(b => UrbanClasses.Select(c => (Name: $"{b.Name} tại đô thị {c}", b.Unit, b.Direction))).ToList();
        await using var insert = new NpgsqlCommand("""
            insert into indicator (name, name_key, unit, direction)
            select * from unnest(@names, @keys, @units, @directions)
            on conflict (name_key, unit) do nothing
            """, connection);
        insert.Parameters.AddWithValue("names", names.Select(n => n.Name).ToArray());
        insert.Parameters.AddWithValue("keys", names.Select(n => VietnameseText.MatchKey(n.Name)).ToArray());
        insert.Parameters.AddWithValue("units", names.Select(n => n.Unit).ToArray());
        insert.Parameters.AddWithValue("directions", names.Select(n => n.Direction).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }

    // r(key, salt): a number in [0, 1) from the position, the same on every run.
    private const string Random = "create or replace function pg_temp.r(k bigint, salt bigint) returns float8 language sql immutable as "
        + "$$ select ((hashint8extended(k, salt) & 2147483647)::float8 / 2147483648) $$;";

    private const string ProgrammeSql = Random + """
        create temp table syn_province on commit drop as
          select u.id, u.code::int code, row_number() over (order by u.code) pn,
                 regexp_replace(u.name, '^(Tỉnh|Thành phố) ', '') short,
                 u.name like 'Thành phố %' city
            from administrative_unit u where u.id = any(@provinces);
        create temp table syn_agency on commit drop as
          select a.id, a.administrative_unit_id unit, p.id province,
                 row_number() over (partition by p.id order by a.id) - 1 n,
                 count(*) over (partition by p.id) total
            from agency a
            join administrative_unit u on u.id = a.administrative_unit_id
            join syn_province p on p.id = u.id or p.id = u.parent_id
           where a.valid_to is null and a.merged_into_id is null and a.kind not in ('group', 'person');
        create index on syn_agency (province, n);
        create temp table syn_before on commit drop as select coalesce(max(id), 0) id from directive;

        -- Each province: its action programme (chương trình hành động) of the party committee, implementing
        -- 06-NQ/TW when it is on file, and the plans (kế hoạch) of its people's committee implementing it.
        insert into directive (number, number_form, number_sequence, number_year, kind_code, issuer_code, kind, issuer_name,
                               issuer_agency_id, signer, issued_on, effective_on, title, locality_unit_id, published, full_text)
        select d.seq || case when d.k = 0 then '-CTr/TU' else '/KH-UBND' end,
               case when d.k = 0 then 'party' else 'state' end, d.seq, extract(year from d.issued)::int,
               case when d.k = 0 then 'CTr' else 'KH' end, case when d.k = 0 then 'TU' else 'UBND' end,
               case when d.k = 0 then 'Chương trình hành động' else 'Kế hoạch' end,
               case when d.k = 0 then (case when p.city then 'Thành ủy ' else 'Tỉnh ủy ' end) || p.short
                    else 'Ủy ban nhân dân ' || case when p.city then 'thành phố ' else 'tỉnh ' end || p.short end,
               (select a.id from agency a where a.administrative_unit_id = p.id and a.kind = case when d.k = 0 then 'party_committee' else 'peoples_committee' end order by a.id limit 1),
               null, d.issued, d.issued,
               case when d.k = 0 then 'Chương trình hành động thực hiện Nghị quyết số 06-NQ/TW về quy hoạch, xây dựng, quản lý và phát triển bền vững đô thị Việt Nam'
                    else 'Kế hoạch thực hiện nhiệm vụ phát triển đô thị ' || (array['giai đoạn 2022-2025', 'năm 2023', 'năm 2024', 'năm 2025', 'giai đoạn 2026-2030'])[1 + (d.k % 5)]
                         || ' — lĩnh vực ' || (array['quy hoạch', 'hạ tầng giao thông', 'cấp thoát nước', 'nhà ở', 'chỉnh trang đô thị', 'đô thị thông minh', 'môi trường'])[1 + (d.k % 7)] end,
               p.id, true, null
          from syn_province p
          cross join lateral (select k, case when k = 0 then 1 else 100 + k end seq,
                                     date '2022-03-01' + (floor(pg_temp.r(p.pn * 1000 + k, 1) * 1300))::int issued
                                from generate_series(0, @plans) k) d;

        -- The text on file: the heading and the title (enough for the programme pages, which list directives with text).
        update directive d set full_text = upper(d.kind) || E'\n' || d.title || E'\n\nSố: ' || d.number || E'\n' || d.issuer_name
         where d.id > (select id from syn_before);

        create temp table syn_directive on commit drop as
          select d.id, p.id province, p.pn, case when d.kind_code = 'CTr' then 0 else d.number_sequence - 100 end k
            from directive d join syn_province p on p.id = d.locality_unit_id
           where d.id > (select id from syn_before);

        insert into directive_link (from_directive_id, to_directive_id, relation)
        select plan.id, programme.id, 'implements'
          from syn_directive plan join syn_directive programme on programme.province = plan.province and programme.k = 0
         where plan.k > 0;
        insert into directive_link (from_directive_id, to_directive_id, relation)
        select s.id, r.id, 'implements' from syn_directive s join directive r on r.number = '06-NQ/TW' where s.k = 0;

        insert into objective (directive_id, section, horizon_year, text)
        select s.id, 'I.' || o, (array[2025, 2030, 2045])[o],
               (array['Đến năm 2025, hoàn thành quy hoạch chung các đô thị và nâng tỷ lệ đô thị hóa',
                      'Đến năm 2030, hệ thống đô thị phát triển xanh, thông minh, có bản sắc',
                      'Đến năm 2045, đô thị phát triển bền vững, hiện đại, ngang tầm khu vực'])[o]
          from syn_directive s cross join generate_series(1, 3) o;

        -- Tasks: deadlines as directives write them — none, "thường xuyên", a year, a quarter, a month, a day.
        create temp table syn_task on commit drop as
          select s.id directive, s.province, s.pn * 1000000 + s.k * 1000 + t key, t,
                 pg_temp.r(s.pn * 1000000 + s.k * 1000 + t, 2) kind, pg_temp.r(s.pn * 1000000 + s.k * 1000 + t, 3) due,
                 pg_temp.r(s.pn * 1000000 + s.k * 1000 + t, 4) done
            from syn_directive s cross join generate_series(1, @tasks) t;
        insert into task_item (directive_id, section, text, deadline_text, due_on, deadline_precision, completed_on)
        select t.directive, 'II.' || (1 + t.t / 10) || '.' || (1 + t.t % 10),
               (array['Rà soát, điều chỉnh', 'Tổ chức lập', 'Đẩy nhanh tiến độ', 'Kiểm tra, giám sát việc thực hiện', 'Huy động nguồn lực cho',
                      'Hoàn thành', 'Xây dựng cơ chế, chính sách về', 'Tuyên truyền, phổ biến'])[1 + (t.key % 8)] || ' '
                 || (array['quy hoạch chung đô thị', 'quy hoạch phân khu', 'hệ thống thoát nước đô thị', 'nhà ở xã hội', 'chương trình phát triển đô thị',
                           'chỉnh trang đô thị', 'hạ tầng giao thông kết nối', 'cơ sở dữ liệu đô thị', 'khu đô thị mới', 'cây xanh, không gian công cộng'])[1 + (t.key / 8 % 10)]
                 || ' trên địa bàn (nhiệm vụ ' || t.t || ')',
               x.text, x.due_on, x.prec,
               case when x.due_on is not null and x.due_on < date '2026-11-01' and t.done < 0.55
                    then x.due_on - 90 + (floor(t.done * 240))::int end
          from syn_task t
          cross join lateral (
            select case when t.kind < 0.25 then 'none' when t.kind < 0.35 then 'recurring' when t.kind < 0.65 then 'year'
                        when t.kind < 0.80 then 'quarter' when t.kind < 0.90 then 'month' else 'day' end prec,
                   date '2022-06-30' + (floor(t.due * 3100))::int on_day) d
          cross join lateral (
            select d.prec,
                   case d.prec
                     when 'year' then make_date(extract(year from d.on_day)::int, 12, 31)
                     when 'quarter' then (date_trunc('quarter', d.on_day) + interval '3 months' - interval '1 day')::date
                     when 'month' then (date_trunc('month', d.on_day) + interval '1 month' - interval '1 day')::date
                     when 'day' then d.on_day end due_on,
                   case d.prec
                     when 'none' then null when 'recurring' then 'Thường xuyên'
                     when 'year' then 'Năm ' || extract(year from d.on_day)
                     when 'quarter' then 'Quý ' || (array['I', 'II', 'III', 'IV'])[extract(quarter from d.on_day)::int] || '/' || extract(year from d.on_day)
                     when 'month' then 'Tháng ' || extract(month from d.on_day) || '/' || extract(year from d.on_day)
                     else to_char(d.on_day, 'DD/MM/YYYY') end text) x
         order by t.directive, t.t;

        -- A lead for three tasks in four, one to three cooperating bodies, all of the task's province.
        insert into task_agency (task_id, agency_id, role, ordinal)
        select ti.id, a.id, case when pick.o = 0 and pick.lead then 'lead' else 'cooperating' end, pick.o
          from task_item ti
          join syn_directive s on s.id = ti.directive_id
          cross join lateral (select (pg_temp.r(ti.id, 5) < 0.75) lead, floor(pg_temp.r(ti.id, 6) * 3)::int + 1 cooperating,
                                     floor(pg_temp.r(ti.id, 7) * 1000)::int base) c
          cross join lateral (select o, c.lead from generate_series(case when c.lead then 0 else 1 end, c.cooperating) o) pick
          join syn_agency a on a.province = s.province
                           and a.n = (c.base + pick.o * 7) % a.total
         where ti.deleted_at is null;

        insert into progress_update (task_id, reported_on, text, percent, entered_by)
        select ti.id, coalesce(ti.completed_on, least(coalesce(ti.due_on, date '2025-06-30'), date '2026-10-15') - 30),
               'Đã triển khai; đang hoàn thiện hồ sơ', (floor(pg_temp.r(ti.id, 8) * 10) * 10)::int, @by
          from task_item ti join syn_directive s on s.id = ti.directive_id
         where pg_temp.r(ti.id, 9) < 0.3;

        -- Targets: each directive sets some indicators for the province or one of its communes, for 2025 or 2030.
        create temp table syn_indicator on commit drop as
          select id, direction, row_number() over (order by id) - 1 n, count(*) over () total from indicator;
        insert into target (indicator_id, directive_id, section, scope, administrative_unit_id, year, comparator, value)
        select i.id, s.id, 'I.2', coalesce(c.name, 'Toàn tỉnh'), coalesce(c.id, s.province),
               case when pg_temp.r(s.id * 100 + g, 11) < 0.5 then 2025 else 2030 end,
               case i.direction when 'decrease' then 'lte' else 'gte' end,
               round((20 + pg_temp.r(s.id * 100 + g, 12) * 70)::numeric, 1)
          from syn_directive s
          cross join generate_series(1, @targets) g
          join syn_indicator i on i.n = (floor(pg_temp.r(s.id * 100 + g, 10) * 1000)::int + g * 13) % i.total
          left join lateral (select u.id, u.name from administrative_unit u
                              where u.parent_id = s.province and u.valid_to is null and pg_temp.r(s.id * 100 + g, 13) < 0.3
                              order by u.code offset floor(pg_temp.r(s.id * 100 + g, 14) * 20)::int limit 1) c on true;
        """;

    // Figures: every indicator, for the province and each of its communes, one a year, trending towards the targets.
    private const string MeasurementSql = Random + """
        insert into measurement (indicator_id, administrative_unit_id, period_start, period_end, period_label, value, source, entered_by)
        select i.id, u.id, make_date(y, 1, 1), make_date(y, 12, 31), 'Năm ' || y,
               round(greatest(0, base.v + case i.direction when 'decrease' then -1 else 1 end * (y - 2015) * base.step)::numeric, 2),
               'Báo cáo thống kê (mô phỏng)', @by
          from administrative_unit u
          cross join indicator i
          cross join lateral (select 10 + pg_temp.r(u.id * 1000 + i.id, 21) * 50 v, pg_temp.r(u.id * 1000 + i.id, 22) * 3 step) base
          cross join generate_series(2027 - @years, 2026) y
         where (u.id = @province or u.parent_id = @province) and u.valid_to is null
        on conflict do nothing;
        """;

    private static async Task<List<(string Table, long Rows)>> CountsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        string[] tables = ["agency", "directive", "task_item", "task_agency", "target", "indicator", "measurement", "audit_event"];
        var counts = new List<(string, long)>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from {table}", connection);
            counts.Add((table, (long)(await count.ExecuteScalarAsync(ct))!));
        }

        return counts;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
