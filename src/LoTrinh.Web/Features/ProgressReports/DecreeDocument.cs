using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LoTrinh.Core.Documents;
using LoTrinh.Web.Features.Dashboard;

namespace LoTrinh.Web.Features.ProgressReports;

/// <summary>
/// The progress report as a Word document in the format of Nghị định 30/2020/NĐ-CP, Phụ lục I (vn-conventions §1.7):
/// A4 portrait, margins 20/20/30/20 mm, Times New Roman throughout; page numbers centred in the top margin from page 2;
/// the two-column header (issuing body and number left; quốc hiệu, tiêu ngữ, place and date right) with solid lines drawn
/// as paragraph borders, never underlined text; "BÁO CÁO" and the summary centred and bold; the body justified, 14 pt,
/// first line indented 1 cm, 6 pt after each paragraph; nơi nhận left and the signature right on the same row; the
/// annexes each on a page of their own.
/// </summary>
public static class DecreeDocument
{
    // Twentieths of a point: 1 mm ≈ 56.7.
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int MarginTop = 1134;
    public const int MarginBottom = 1134;
    public const int MarginLeft = 1701;
    public const int MarginRight = 1134;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;
    public const string Font = "Times New Roman";

    // Half-points, as Word stores sizes.
    public const int BodySize = 28;
    public const int HeaderSize = 26;
    public const int NationalNameSize = 24;
    public const int TableSize = 22;
    public const int RecipientsTitleSize = 24;
    public const int RecipientSize = 22;

    private const int HeaderLeft = 3700;
    private const int HeaderRight = TextWidth - HeaderLeft;
    private const int SignatureLeft = 4300;
    private const int SignatureRight = TextWidth - SignatureLeft;
    private const int FirstLineIndent = 567;

    public const string Motto = "Độc lập - Tự do - Hạnh phúc";
    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    /// <summary>The document, its figures from <paramref name="data"/> and its words from <paramref name="form"/> (checked: it has no problems).</summary>
    /// <param name="number">The number the clerk registered (văn thư); null leaves it blank for them.</param>
    public static byte[] Write(ProgressReportData data, ReportForm form, int? number, DateOnly signedOn)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(form);
        var values = data.Values();
        var numberLine = OfficialFormat.NumberLine(number, form.Symbol.Trim());
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);

            body.Append(HeaderTable(form, numberLine, signedOn));
            var title = ReportTemplate.Fill(form.Title, values);
            body.Append(Centred(R("BÁO CÁO", BodySize, bold: true), before: 360));
            body.Append(Centred(R(title, BodySize, bold: true)));
            body.Append(Line(TextWidth, Math.Min(TextLength(title, BodySize, bold: true), TextWidth) * 2 / 5));

            foreach (var block in form.Blocks)
            {
                switch (block)
                {
                    case HeadingBlock heading:
                        body.Append(BodyParagraph(R(ReportTemplate.Fill(heading.Text, values), BodySize, bold: true)));
                        break;
                    case ParagraphBlock paragraph:
                        body.Append(BodyParagraph(R(ReportTemplate.Fill(paragraph.Text, values), BodySize)));
                        break;
                    case DataBlock table:
                        body.Append(Block(table.Name, data));
                        break;
                }
            }

            body.Append(SignatureTable(form));
            var issuer = form.IssuingBody.Replace('\n', ' ');
            var reference = $"(Kèm theo Báo cáo số {numberLine[4..].Trim()} ngày {ProgressReportData.Day(signedOn)} của {issuer})";
            body.Append(Annex("Phụ lục I", "DANH MỤC NHIỆM VỤ VÀ TÌNH TRẠNG THỰC HIỆN", reference, TaskAnnex(data)));
            body.Append(Annex("Phụ lục II", "CÁC CHỈ TIÊU VÀ KẾT QUẢ THỰC HIỆN", reference, TargetAnnex(data)));
            body.Append(Section(main));
        }

        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Block(string name, ProgressReportData data) => name switch
    {
        "bang_theo_van_ban" => [TallyTable("Văn bản", data.ByDirective)],
        "bang_theo_co_quan" => [TallyTable("Cơ quan chủ trì", data.ByLead)],
        "danh_sach_qua_han" => data.Overdue.Count == 0
            ? [BodyParagraph(R("Không có nhiệm vụ quá hạn chưa hoàn thành.", BodySize))]
            : [Grid(
                [("STT", 600), ("Nhiệm vụ", 3400), ("Văn bản", 1400), ("Cơ quan chủ trì", 1700), ("Thời hạn", 1171), ("Số ngày quá hạn", 800)],
                data.Overdue.Select((t, i) => new[]
                {
                    Number(i + 1), t.Text, t.Directive, t.Lead ?? "Chưa giao", t.Deadline?.Text ?? string.Empty,
                    ProgressReportData.Count(DaysOverdue(t, data.AsOf)),
                }))],
        "bang_chi_tieu" => data.Targets.Count == 0
            ? [BodyParagraph(R("Văn bản chưa có chỉ tiêu.", BodySize))]
            : [Grid(
                [("STT", 600), ("Chỉ tiêu", 3000), ("Mục tiêu", 1700), ("Giá trị mới nhất", 1471), ("Tình trạng", 1200), ("Xu hướng", 1100)],
                data.Targets.Select((t, i) => new[]
                {
                    Number(i + 1), $"{t.Indicator}{(t.Locality is null ? string.Empty : " — " + t.Locality)}", t.Wording,
                    t.Latest is { } l ? $"{l.Value.ToString("#,##0.##", CultureInfo.GetCultureInfo("vi-VN"))} {t.Unit} ({l.PeriodLabel})" : "Chưa có số liệu",
                    t.StatusLabel, t.ProgressLabel,
                }))],
        "kho_khan" => Remarks(data.Difficulties, "Các cơ quan chưa nêu khó khăn, vướng mắc trong báo cáo của kỳ."),
        "de_xuat" => Remarks(data.Proposals, "Các cơ quan chưa có đề xuất, kiến nghị trong báo cáo của kỳ."),
        "nhat_ky_don_doc" => data.Urges.Count == 0
            ? [BodyParagraph(R("Trong kỳ chưa có lượt đôn đốc nào.", BodySize))]
            : [Grid([("STT", 600), ("Cơ quan được đôn đốc", 5271), ("Số lượt đôn đốc", 1600), ("Trong đó: quá hạn", 1600)],
                data.Urges.Select((u, i) => new[] { Number(i + 1), u.Agency, ProgressReportData.Count(u.Count), ProgressReportData.Count(u.Overdue) }))],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a block of the progress report."),
    };

    /// <summary>Days past the deadline's last day (rolled to a working day when it fell on a day off).</summary>
    public static int DaysOverdue(Tasks.TaskRow task, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(task);
        var last = task.Deadline?.RolledTo ?? task.Deadline?.Due;
        return last is { } day ? asOf.DayNumber - day.DayNumber : 0;
    }

    private static IEnumerable<OpenXmlElement> Remarks(IReadOnlyList<AgencyRemark> remarks, string none) =>
        remarks.Count == 0
            ? [BodyParagraph(R(none, BodySize))]
            : remarks.Select(r => BodyParagraph(R($"- {r.Agency}: {r.Text}{(r.Task is null ? string.Empty : $" (nhiệm vụ: {r.Task})")}", BodySize)));

    private static Table TallyTable(string what, IReadOnlyList<TallyLine> lines) => Grid(
        [("STT", 500), (what, 2100), ("Số nhiệm vụ", 700), ("Hoàn thành đúng hạn", 800), ("Hoàn thành quá hạn", 800), ("Trong hạn", 750),
         ("Quá hạn", 700), ("Thường xuyên, không thời hạn", 900), ("Tỷ lệ HT/đến hạn", 910), ("Tỷ lệ HT/được giao", 911)],
        lines.Select((l, i) => new[]
        {
            Number(i + 1), l.Name, ProgressReportData.Count(l.Tasks.Total),
            ProgressReportData.Count(l.Tasks.Of(Core.Tasks.TaskStatusClass.CompletedOnTime)),
            ProgressReportData.Count(l.Tasks.Of(Core.Tasks.TaskStatusClass.CompletedLate)),
            ProgressReportData.Count(l.Tasks.Of(Core.Tasks.TaskStatusClass.InProgressWithinDeadline)),
            ProgressReportData.Count(l.Tasks.Of(Core.Tasks.TaskStatusClass.InProgressOverdue)),
            ProgressReportData.Count(l.Tasks.Of(Core.Tasks.TaskStatusClass.Recurring) + l.Tasks.Of(Core.Tasks.TaskStatusClass.NoDeadline)),
            ProgressReportData.Percent(l.Tasks.Rates.AmongDuePercent), ProgressReportData.Percent(l.Tasks.Rates.AmongAllPercent),
        }));

    private static Table TaskAnnex(ProgressReportData data) => Grid(
        [("STT", 500), ("Nhiệm vụ", 2900), ("Văn bản", 1100), ("Chủ trì", 1300), ("Phối hợp", 1200), ("Thời hạn", 900), ("Tình trạng", 1171)],
        data.AllTasks.Select((t, i) => new[]
        {
            Number(i + 1), t.Text, t.Directive, t.Lead ?? "Chưa giao", string.Join(", ", t.CoLeads.Concat(t.Cooperating)),
            t.Deadline?.Text ?? "Không có", t.CompletedOn is { } on ? $"{t.StatusLabel} ({ProgressReportData.Day(on)})" : t.StatusLabel,
        }));

    private static Table TargetAnnex(ProgressReportData data) => Grid(
        [("STT", 500), ("Chỉ tiêu", 2500), ("Văn bản", 1100), ("Mục tiêu", 1700), ("Giá trị mới nhất", 1400), ("Đánh giá", 1871)],
        data.Targets.Select((t, i) => new[]
        {
            Number(i + 1), $"{t.Indicator}{(t.Locality is null ? string.Empty : " — " + t.Locality)}", t.Directive, t.Wording,
            t.Latest is { } l ? $"{l.Value.ToString("#,##0.##", CultureInfo.GetCultureInfo("vi-VN"))} {t.Unit} ({l.PeriodLabel})" : "Chưa có số liệu",
            $"{t.StatusLabel}; {t.ProgressLabel}",
        }));

    private static IEnumerable<OpenXmlElement> Annex(string number, string title, string reference, Table table) =>
    [
        new Paragraph(new Run(new RunProperties(Fonts()), new Break { Type = BreakValues.Page })),
        Centred(R(number, BodySize, bold: true)),
        Centred(R(title, BodySize, bold: true)),
        Centred(R(reference, BodySize, italic: true), after: 240),
        table,
    ];

    /// <summary>The header: a borderless table of two columns and two rows, so the number and the date share a line.</summary>
    private static Table HeaderTable(ReportForm form, string numberLine, DateOnly signedOn)
    {
        var left = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(form.ParentBody))
        {
            left.Add(Centred(R(form.ParentBody.Trim().ToUpper(CultureInfo.GetCultureInfo("vi-VN")), HeaderSize), after: 0));
        }

        var bodyLines = form.IssuingBody.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        left.AddRange(bodyLines.Select(l => Centred(R(l.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), HeaderSize, bold: true), after: 0)));
        // 1/3 to 1/2 of the body's name.
        left.Add(Line(HeaderLeft, bodyLines.Max(l => TextLength(l, HeaderSize, bold: true, upper: true)) * 2 / 5));

        var right = new List<OpenXmlElement>
        {
            Centred(R(NationalName, NationalNameSize, bold: true), after: 0),
            Centred(R(Motto, HeaderSize, bold: true), after: 0),
            // As long as the motto.
            Line(HeaderRight, TextLength(Motto, HeaderSize, bold: true)),
        };

        return new Table(
            Borderless(),
            new TableGrid(new GridColumn { Width = Twips(HeaderLeft) }, new GridColumn { Width = Twips(HeaderRight) }),
            new TableRow(Cell(HeaderLeft, left), Cell(HeaderRight, right)),
            new TableRow(
                Cell(HeaderLeft, [Centred(R(numberLine, HeaderSize), after: 0)]),
                Cell(HeaderRight, [Centred(R(OfficialFormat.PlaceAndDate(form.Place, signedOn), HeaderSize, italic: true), after: 0)])));
    }

    /// <summary>Nơi nhận on the left, the signature on the right, on the same row (§1.5–1.6).</summary>
    private static Table SignatureTable(ReportForm form)
    {
        var recipients = new List<OpenXmlElement> { Left(R("Nơi nhận:", RecipientsTitleSize, bold: true, italic: true)) };
        recipients.AddRange(form.Recipients.Select(r => Left(R($"- {r.Trim().TrimEnd(';', '.')};", RecipientSize))));
        recipients.Add(Left(R($"- Lưu: {form.Filing.Trim().TrimEnd('.')}.", RecipientSize)));

        var signature = form.SignatureLines.Select(l => (OpenXmlElement)Centred(R(l.Trim().ToUpper(CultureInfo.GetCultureInfo("vi-VN")), BodySize, bold: true), after: 0)).ToList();
        // Room for the signature and the seal.
        signature.AddRange(Enumerable.Range(0, 4).Select(_ => (OpenXmlElement)Centred(R(string.Empty, BodySize), after: 0)));
        signature.Add(Centred(R(form.Signer?.Trim() ?? string.Empty, BodySize, bold: true), after: 0));

        return new Table(
            Borderless(),
            new TableGrid(new GridColumn { Width = Twips(SignatureLeft) }, new GridColumn { Width = Twips(SignatureRight) }),
            new TableRow(Cell(SignatureLeft, recipients), Cell(SignatureRight, signature)));
    }

    /// <summary>A ruled table in the document's font, its header row repeated on every page.</summary>
    private static Table Grid(IReadOnlyList<(string Header, int Width)> columns, IEnumerable<string[]> rows)
    {
        var border = new Func<BorderType, BorderType>(b =>
        {
            b.Val = BorderValues.Single;
            b.Size = 4;
            b.Color = "000000";
            return b;
        });
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Twips(columns.Sum(c => c.Width)), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableBorders(
                    border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()), border(new RightBorder()),
                    border(new InsideHorizontalBorder()), border(new InsideVerticalBorder()))),
            new TableGrid(columns.Select(c => new GridColumn { Width = Twips(c.Width) })));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        header.Append(columns.Select(c => Cell(c.Width, [Centred(R(c.Header, TableSize, bold: true), after: 0)])));
        table.Append(header);
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select((text, i) => Cell(columns[i].Width, [Left(R(text, TableSize))]))));
        }

        return table;
    }

    private static TableProperties Borderless() => new(
        new TableWidth { Width = Twips(TextWidth), Type = TableWidthUnitValues.Dxa },
        new TableLayout { Type = TableLayoutValues.Fixed },
        new TableBorders(
            new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }));

    private static TableCell Cell(int width, IEnumerable<OpenXmlElement> content)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa }));
        cell.Append(content);
        return cell;
    }

    /// <summary>
    /// A solid line of <paramref name="length"/> centred in <paramref name="width"/>: the bottom border of an empty,
    /// one-point paragraph narrowed by its indents (a line drawn, not text underlined).
    /// </summary>
    private static Paragraph Line(int width, int length)
    {
        var indent = Math.Max(0, (width - length) / 2);
        return new Paragraph(
            new ParagraphProperties(
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
                new SpacingBetweenLines { Before = "0", After = "120", Line = "20", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { Left = Twips(indent), Right = Twips(indent) }),
            new Run(new RunProperties(Fonts(), new FontSize { Val = "2" })));
    }

    /// <summary>
    /// How wide a text prints, in twentieths of a point: Times New Roman's average advance is about half the size
    /// for mixed case and two thirds for capitals (bold a little wider) — enough to size a line under it.
    /// </summary>
    private static int TextLength(string text, int halfPoints, bool bold = false, bool upper = false) =>
        (int)(text.Length * halfPoints * 10 * (upper ? 0.68 : 0.48) * (bold ? 1.06 : 1.0));

    private static Paragraph BodyParagraph(Run run) => new(
        new ParagraphProperties(
            new SpacingBetweenLines { Before = "0", After = "120", Line = "288", LineRule = LineSpacingRuleValues.Auto },
            new Indentation { FirstLine = Twips(FirstLineIndent) },
            new Justification { Val = JustificationValues.Both }),
        run);

    private static Paragraph Centred(Run run, int before = 0, int after = 60) => new(
        new ParagraphProperties(
            new SpacingBetweenLines { Before = Twips(before), After = Twips(after), Line = "240", LineRule = LineSpacingRuleValues.Auto },
            new Justification { Val = JustificationValues.Center }),
        run);

    private static Paragraph Left(Run run) => new(
        new ParagraphProperties(
            new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            new Justification { Val = JustificationValues.Left }),
        run);

    private static Run R(string text, int halfPoints, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties(Fonts());
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        properties.Append(new Color { Val = "000000" }, new FontSize { Val = Twips(halfPoints) }, new FontSizeComplexScript { Val = Twips(halfPoints) });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static RunFonts Fonts() => new() { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font };

    /// <summary>Times New Roman 14 and Vietnamese by default, so nothing Word adds falls back to another font.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(), new FontSize { Val = Twips(BodySize) }, new FontSizeComplexScript { Val = Twips(BodySize) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));
    }

    /// <summary>A4 portrait with the decree's margins; the page number in the header, centred, 13 pt, and none on page 1.</summary>
    private static SectionProperties Section(MainDocumentPart main)
    {
        var numbered = main.AddNewPart<HeaderPart>();
        numbered.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(new Run(new RunProperties(Fonts(), new FontSize { Val = Twips(HeaderSize) }), new Text("2"))) { Instruction = " PAGE " }));
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
            new PageSize { Width = (UInt32Value)(uint)PageWidth, Height = (UInt32Value)(uint)PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin
            {
                Top = MarginTop,
                Bottom = MarginBottom,
                Left = (UInt32Value)(uint)MarginLeft,
                Right = (UInt32Value)(uint)MarginRight,
                Header = 567,
                Footer = 567,
                Gutter = 0,
            },
            new TitlePage());
    }

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
