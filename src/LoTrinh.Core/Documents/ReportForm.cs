namespace LoTrinh.Core.Documents;

/// <summary>
/// What the secretariat sets once for its reports: who issues them (the header's left column), their symbol and place,
/// the summary line and the body's text around the figures, who signs and to whom they go (Nghị định 30/2020, Phụ lục I).
/// </summary>
/// <param name="ParentBody">Cơ quan chủ quản: upright, not bold, above the issuing body; empty when the body has none.</param>
/// <param name="IssuingBody">Cơ quan ban hành, one or two lines ("ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG"), bold.</param>
/// <param name="Symbol">Ký hiệu after the number: "BC-UBND".</param>
/// <param name="Place">Địa danh: the official name of the unit where the body sits.</param>
/// <param name="Title">Trích yếu under "BÁO CÁO", with inline names.</param>
/// <param name="SignatureLines">Authority and positions, upper case: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".</param>
/// <param name="Signer">The signer's full name; empty leaves the line for the name blank.</param>
/// <param name="Recipients">Nơi nhận, without the leading "- " and the closing ";".</param>
/// <param name="Filing">After "Lưu: ": "VT, XD".</param>
public sealed record ReportForm(
    string? ParentBody, string IssuingBody, string Symbol, string Place, string Title, string Body,
    IReadOnlyList<string> SignatureLines, string? Signer, IReadOnlyList<string> Recipients, string Filing)
{
    /// <summary>The form a new installation starts from: a provincial People's Committee's progress report.</summary>
    public static ReportForm Default { get; } = new(
        null,
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG",
        "BC-UBND",
        "Lâm Đồng",
        "Tình hình thực hiện {van_ban} {ky_bao_cao}",
        """
        Thực hiện {van_ban} {trich_yeu_van_ban}, Ủy ban nhân dân tỉnh báo cáo tình hình thực hiện {ky_bao_cao} (số liệu chốt đến ngày {ngay_chot}) như sau:
        # I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ
        Chương trình và {so_van_ban} văn bản triển khai đã giao {tong_nhiem_vu} nhiệm vụ. Đến ngày {ngay_chot}: đã hoàn thành {hoan_thanh} nhiệm vụ ({hoan_thanh_dung_han} đúng hạn, {hoan_thanh_qua_han} quá hạn); đang thực hiện trong hạn {trong_han} nhiệm vụ; quá hạn chưa hoàn thành {qua_han} nhiệm vụ; thường xuyên, định kỳ {thuong_xuyen} nhiệm vụ; không có thời hạn {khong_thoi_han} nhiệm vụ.
        Tỷ lệ hoàn thành trên số nhiệm vụ đến hạn đạt {ty_le_den_han}; trên tổng số nhiệm vụ được giao đạt {ty_le_duoc_giao}.
        1. Tình hình thực hiện theo từng văn bản:
        {bang_theo_van_ban}
        2. Tình hình thực hiện theo cơ quan chủ trì:
        {bang_theo_co_quan}
        3. Các nhiệm vụ quá hạn chưa hoàn thành:
        {danh_sach_qua_han}
        # II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU
        Trong {tong_chi_tieu} chỉ tiêu đang có hiệu lực, {chi_tieu_dat} chỉ tiêu đã đạt; {chi_tieu_cham} chỉ tiêu cần đẩy nhanh hoặc chậm so với lộ trình.
        {bang_chi_tieu}
        # III. CÔNG TÁC ĐÔN ĐỐC, KIỂM TRA
        Trong kỳ, Văn phòng đã đôn đốc {so_lan_don_doc} lượt; đã nhận {so_bao_cao_co_quan} báo cáo của các cơ quan, đơn vị.
        {nhat_ky_don_doc}
        # IV. KHÓ KHĂN, VƯỚNG MẮC
        {kho_khan}
        # V. ĐỀ XUẤT, KIẾN NGHỊ
        {de_xuat}
        Trên đây là báo cáo tình hình thực hiện {van_ban} {ky_bao_cao}./.
        """,
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        null,
        ["Thường trực Tỉnh ủy (b/c)", "Thường trực HĐND tỉnh", "Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Các sở, ban, ngành", "UBND các xã, phường, đặc khu"],
        "VT, XD");

    /// <summary>The parsed body; a form that has no problems always parses.</summary>
    public IReadOnlyList<TemplateBlock> Blocks => ReportTemplate.Parse(Body, ReportTemplate.ProgressReport).Blocks;

    /// <summary>Every problem, keyed by the field it is in, in words; empty when the form fills.</summary>
    public IReadOnlyList<(string Field, string Problem)> Problems()
    {
        var problems = new List<(string, string)>();
        void Required(string field, string? value, string name, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add((field, $"Nhập {name}."));
            }
            else if (value.Length > max)
            {
                problems.Add((field, $"{name} dài {value.Length} ký tự, quá {max}."));
            }
        }

        if (ParentBody is { Length: > 200 })
        {
            problems.Add(("parentBody", $"Cơ quan chủ quản dài {ParentBody.Length} ký tự, quá 200."));
        }

        Required("issuingBody", IssuingBody, "cơ quan ban hành", 200);
        if (IssuingBody?.Split('\n').Length > 2)
        {
            problems.Add(("issuingBody", "Cơ quan ban hành viết trên một hoặc hai dòng."));
        }

        if (OfficialFormat.SymbolProblem(Symbol) is { } symbol)
        {
            problems.Add(("symbol", symbol));
        }

        Required("place", Place, "địa danh", 100);
        problems.AddRange(ReportTemplate.LineProblems(Title, "Trích yếu", ReportTemplate.ProgressReport).Select(p => ("title", p)));
        problems.AddRange(ReportTemplate.Parse(Body, ReportTemplate.ProgressReport).Problems.Select(p => ("body", p)));
        problems.AddRange(OfficialFormat.SignatureProblems(SignatureLines).Select(p => ("signatureLines", p)));
        if (Signer is { Length: > 100 })
        {
            problems.Add(("signer", $"Họ tên người ký dài {Signer.Length} ký tự, quá 100."));
        }

        if (Recipients.Count is 0 or > 30)
        {
            problems.Add(("recipients", "Nơi nhận có từ 1 đến 30 dòng."));
        }

        Required("filing", Filing, "nơi lưu (Lưu: VT, …)", 100);
        return problems;
    }
}
