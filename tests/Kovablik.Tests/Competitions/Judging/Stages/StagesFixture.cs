using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Stages;
using Kovablik.Competitions.Proposals;
using Kovablik.Organisations;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Stages;

/// <summary>
/// Judging data written straight to the database: jurors, assignments and submitted sheets come from flows other
/// helpers build (pool, scoring), so these tests do not depend on them.
/// </summary>
public static class StagesFixture
{
    /// <summary>A two-criterion rubric whose total is the plain mean of the two scores: totals can be computed by hand.</summary>
    public static List<CriterionInput> SimpleCriteria() =>
    [
        new("Dampak", "Dampak", 50, 0, 100, [new LevelInput(0, 49, "Lemah"), new LevelInput(50, 100, "Kuat")]),
        new("Inovasi", "Inovasi", 50, 0, 100),
    ];

    public sealed record Edition(Kovablik.Competitions.Edition Entity, List<JudgingStage> Stages);

    public static async Task<Edition> StartAsync(KovablikAppFactory app)
    {
        var edition = await app.OpenEditionAsync();
        var stages = await app.WithDbAsync(async db =>
        {
            var result = await new JudgingSetupService(db).StartAsync(edition.Id);
            return result.Value!.ToList();
        });
        return new Edition(edition, stages);
    }

    /// <summary>A proposal that passed administrative selection, submitted at <paramref name="submittedAt"/>.</summary>
    public static async Task<int> ProposalAsync(KovablikAppFactory app, int editionId, int organisationId, DateTimeOffset submittedAt, string title)
    {
        var innovation = await app.CreateInnovationAsync(organisationId, title);
        return await app.WithDbAsync(async db =>
        {
            var p = new Proposal
            {
                EditionId = editionId, GroupCode = "Umum", InnovationId = innovation.Id, OrganisationId = organisationId,
                Title = $"{title} {KovablikAppFactory.Unique()}", Status = ProposalStatus.Approved, SubmittedAt = submittedAt,
                ApprovedAt = submittedAt, Selection = SelectionOutcome.Passed,
            };
            db.Proposals.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
    }

    public static async Task<int> JurorAsync(KovablikAppFactory app, int editionId, string name)
    {
        var user = await app.CreateUserAsync(Roles.Juri, null);
        return await app.WithDbAsync(async db =>
        {
            var j = new Juror { EditionId = editionId, UserId = user.Id, DisplayName = name, DeclarationCompletedAt = app.Time.GetUtcNow() };
            db.Jurors.Add(j);
            await db.SaveChangesAsync();
            return j.Id;
        });
    }

    /// <summary>Assigns the juror and stores a submitted sheet with the given criterion scores.</summary>
    public static Task ScoreAsync(KovablikAppFactory app, int stageId, int jurorId, int proposalId, double dampak, double inovasi, bool submitted = true) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Time.GetUtcNow();
            if (!await db.JurorAssignments.AnyAsync(a => a.StageId == stageId && a.JurorId == jurorId && a.ProposalId == proposalId))
                db.JurorAssignments.Add(new JurorAssignment { StageId = stageId, JurorId = jurorId, ProposalId = proposalId, AssignedAt = now, Source = AssignmentSource.Manual });
            var sheet = new JurorScore
            {
                StageId = stageId, JurorId = jurorId, ProposalId = proposalId,
                Status = submitted ? ScoreStatus.Submitted : ScoreStatus.Draft, Total = submitted ? (dampak + inovasi) / 2 : null,
                SubmittedAt = submitted ? now : null,
            };
            sheet.SetScores(new Dictionary<string, double> { ["Dampak"] = dampak, ["Inovasi"] = inovasi });
            db.JurorScores.Add(sheet);
            await db.SaveChangesAsync();
        });

    public static Task AssignAsync(KovablikAppFactory app, int stageId, int jurorId, int proposalId) =>
        app.WithDbAsync(async db =>
        {
            db.JurorAssignments.Add(new JurorAssignment { StageId = stageId, JurorId = jurorId, ProposalId = proposalId, AssignedAt = app.Time.GetUtcNow() });
            await db.SaveChangesAsync();
        });

    public static Task<JudgingStage> StageAsync(KovablikAppFactory app, int stageId) =>
        app.WithDbAsync(db => db.JudgingStages.AsNoTracking().SingleAsync(s => s.Id == stageId));

    /// <summary>A unit inside a kabupaten/kota (cluster "Kabupaten/Kota") and a provincial dinas (cluster "Perangkat Daerah Provinsi").</summary>
    public static async Task<(Organisation KotaUnit, Organisation ProvincialOpd)> OrganisationsAsync(KovablikAppFactory app)
    {
        var kota = await app.KabKotaAsync();
        var province = await app.ProvinceAsync();
        var unit = await app.CreateOrganisationAsync("Dinas Kota Uji", kota.Id, OrganisationType.PerangkatDaerah);
        var opd = await app.CreateOrganisationAsync("Dinas Provinsi Uji", province.Id, OrganisationType.PerangkatDaerah);
        return (unit, opd);
    }

    public static StageSettingsInput Simple(JudgingStage stage, Func<StageSettingsInput, StageSettingsInput>? change = null)
    {
        var input = StageSettingsInput.From(stage) with
        {
            Criteria = SimpleCriteria(),
            Method = StageMethod.RawMean,
            TieBreaks = ["Dampak", JudgingStage.SubmissionTieBreak],
            JurorsPerProposal = 2,
            TopN = null,
            PassingGrade = null,
            Clusters = [],
        };
        return change is null ? input : change(input);
    }
}

/// <summary>
/// Posts a page form the way a browser without JavaScript does: every successful control of the chosen form (text,
/// number, hidden, checked boxes, selected options, text areas) in document order, with some fields replaced.
/// </summary>
public static class BrowserForms
{
    public static AngleSharp.Html.Dom.IHtmlFormElement Form(AngleSharp.Html.Dom.IHtmlDocument page, string? handler = null) =>
        page.QuerySelectorAll("main form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .First(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)
                && (handler is null ? !(f.GetAttribute("action") ?? "").Contains("handler=", StringComparison.Ordinal)
                    : (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.Ordinal)));

    public static List<KeyValuePair<string, string>> Fields(AngleSharp.Html.Dom.IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name)) continue;
            switch (element)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) fields.Add(new(name, input.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement input when input.Type is "submit" or "button":
                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select:
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (selected is not null) fields.Add(new(name, selected.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }
        return fields;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, AngleSharp.Html.Dom.IHtmlDocument page, string? handler, IDictionary<string, string> changes)
    {
        var form = Form(page, handler);
        var fields = Fields(form);
        foreach (var (key, value) in changes)
        {
            var i = fields.FindIndex(f => f.Key == key);
            if (i >= 0) fields[i] = new(key, value);
            else fields.Insert(0, new(key, value));
        }
        var action = form.GetAttribute("action");
        var url = string.IsNullOrEmpty(action) ? pageUrl : System.Net.WebUtility.HtmlDecode(action);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}

public static class StatusAssertions
{
    public static void ShouldBeRedirect(this System.Net.HttpStatusCode status) => Assert.Equal(System.Net.HttpStatusCode.Redirect, status);
}
