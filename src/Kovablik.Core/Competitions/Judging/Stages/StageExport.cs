using ClosedXML.Excel;
using Kovablik.Platform;

namespace Kovablik.Competitions.Judging.Stages;

/// <summary>
/// A stage as an Excel workbook for Panitia only (issue 4 §9): "Peringkat" (the ranking with the cut's outcome) and
/// "Nilai per Juri" (every submitted sheet with its criterion scores, total and normalised total). Per-juror scores
/// never leave Panitia: the API and page that call this require the Organiser policy.
/// </summary>
public static class StageExport
{
    public static readonly string RankingSheet = Message.Format("Peringkat");
    public static readonly string JurorSheet = Message.Format("Nilai per Juri");

    /// <param name="text">Localises a key or message.</param>
    public static void Write(StageView view, Stream output, Func<string, string> text)
    {
        using var workbook = new XLWorkbook();
        var ranking = workbook.AddWorksheet(Truncate(text(RankingSheet)));
        string[] headers =
        [
            Message.Format("Peringkat"), "ID", Message.Format("Proposal"), Message.Format("Organisasi"), Message.Format("Klaster"), Message.Format("Nilai"),
            Message.Format("Rata-rata mentah"), Message.Format("Jumlah juri"), Message.Format("Lolos"), Message.Format("Keterangan"),
        ];
        for (var i = 0; i < headers.Length; i++) ranking.Cell(1, i + 1).SetValue(text(headers[i]));
        var row = 2;
        foreach (var l in view.Ranking.Lines)
        {
            var e = view.Entrants[l.ProposalId];
            var col = 1;
            if (l.Rank is { } rank) ranking.Cell(row, col).SetValue(rank);
            col++;
            ranking.Cell(row, col++).SetValue(l.ProposalId);
            ranking.Cell(row, col++).SetValue(e.Title);
            ranking.Cell(row, col++).SetValue(e.OrganisationName);
            ranking.Cell(row, col++).SetValue(e.Cluster ?? "");
            SetNumber(ranking.Cell(row, col++), l.Score);
            SetNumber(ranking.Cell(row, col++), l.RawMean);
            ranking.Cell(row, col++).SetValue(l.JurorCount);
            ranking.Cell(row, col++).SetValue(text(l.Passed ? Message.Format("Ya") : Message.Format("Tidak")));
            ranking.Cell(row, col).SetValue(text(StageRanker.Describe(l.Outcome, l.Passed)));
            row++;
        }
        Finish(ranking, headers.Length, row);

        var sheet = workbook.AddWorksheet(Truncate(text(JurorSheet)));
        var criteria = view.Stage.GetRubric()?.Criteria ?? [];
        var jurorHeaders = new List<string> { text(Message.Format("Juri")), "ID", text(Message.Format("Proposal")) };
        jurorHeaders.AddRange(criteria.Select(c => c.Key));
        jurorHeaders.AddRange([text(Message.Format("Total")), text(Message.Format("Total ternormalisasi")), text(Message.Format("Dikirim (WIB)"))]);
        for (var i = 0; i < jurorHeaders.Count; i++) sheet.Cell(1, i + 1).SetValue(jurorHeaders[i]);
        var rubric = view.Stage.GetRubric();
        var normalised = rubric is null ? new Dictionary<(int, int), NormalisedScore>()
            : Normalisation.Normalise(view.Ranking.Totals, rubric.TotalMin, rubric.TotalMax).Scores.ToDictionary(s => (s.JurorId, s.ProposalId));
        row = 2;
        foreach (var s in view.Sheets.OrderBy(s => view.JurorNames.GetValueOrDefault(s.JurorId), StringComparer.CurrentCulture).ThenBy(s => s.JurorId).ThenBy(s => s.ProposalId))
        {
            var col = 1;
            sheet.Cell(row, col++).SetValue(view.JurorNames.GetValueOrDefault(s.JurorId) ?? $"#{s.JurorId}");
            sheet.Cell(row, col++).SetValue(s.ProposalId);
            sheet.Cell(row, col++).SetValue(view.Entrants.TryGetValue(s.ProposalId, out var e) ? e.Title : "");
            foreach (var c in criteria) SetNumber(sheet.Cell(row, col++), s.Scores.TryGetValue(c.Key, out var v) ? v : null);
            var found = normalised.TryGetValue((s.JurorId, s.ProposalId), out var n);
            SetNumber(sheet.Cell(row, col++), found ? n.Raw : null);
            SetNumber(sheet.Cell(row, col++), found ? n.Normalised : null);
            if (s.SubmittedAt is { } at)
            {
                sheet.Cell(row, col).SetValue(Wib.ToWib(at).DateTime);
                sheet.Cell(row, col).Style.NumberFormat.Format = "yyyy-mm-dd hh:mm";
            }
            row++;
        }
        Finish(sheet, jurorHeaders.Count, row);
        workbook.SaveAs(output);
    }

    private static void SetNumber(IXLCell cell, double? value)
    {
        if (value is not { } v) return;
        cell.SetValue(Math.Round(v, 2, MidpointRounding.AwayFromZero));
        cell.Style.NumberFormat.Format = "0.00";
    }

    private static void Finish(IXLWorksheet sheet, int columns, int nextRow)
    {
        sheet.Range(1, 1, 1, columns).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(1, nextRow - 1), columns).SetAutoFilter();
        for (var i = 1; i <= columns; i++) sheet.Column(i).Width = 14;
        sheet.Column(3).Width = 50;
    }

    private static string Truncate(string s) => s.Length <= 31 ? s : s[..31];
}
