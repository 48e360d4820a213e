using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kovablik.Accounts;
using Kovablik.Competitions.Judging.Awards;
using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Awards;

/// <summary>Awarding an edition through the API: suggestion, changes with reasons, confirmation, certificates, winners, the KIPP pack.</summary>
public abstract class AwardApiTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static string Base(int editionId) => $"/api/v1/editions/{editionId}/judging/awards";

    /// <summary>Six proposals (p2 and p4 Replikasi); stage 1 frozen in creation order, stage 2 frozen as p5, p3, p1, p0, p2 with p4 failing.</summary>
    private async Task<(AwardsFixture.Setup S, HttpClient Panitia, Dictionary<string, int> Tiers)> JudgedAsync(bool freeze = true)
    {
        var s = await AwardsFixture.EditionAsync(App, "Umum", "Umum", "Replikasi", "Umum", "Replikasi", "Umum");
        var panitia = await AwardsFixture.PanitiaAsync(App);
        var tiers = new Dictionary<string, int>();
        foreach (var (title, tier, places, group) in new (string, string, int?, string?)[]
                 { ("Top 2", "top", 2, null), ("Top 4", "finalist", 4, null), ("Terbaik Replikasi", "top", 1, "Replikasi"), ("Outstanding", "top", null, null) })
        {
            var created = await (await panitia.PostJsonAsync($"{Base(s.Edition.Id)}/tiers", new AwardTierRequest(title, tier, places, group, null))).ShouldBeCreated<AwardTierDto>();
            tiers[title] = created.Id;
        }
        if (freeze)
        {
            var p = s.Proposals;
            await AwardsFixture.FreezeAsync(App, s, 1, p, 6);
            await AwardsFixture.FreezeAsync(App, s, 2, [p[5], p[3], p[1], p[0], p[2], p[4]], 5);
        }
        return (s, panitia, tiers);
    }

    private static List<int> Ids(AwardBoardDto board, string tier) => board.Tiers.Single(t => t.Tier.Title == tier).Entries.Select(e => e.ProposalId).ToList();

    [Fact]
    public async Task The_suggestion_fills_the_tiers_from_the_last_frozen_ranking_by_places_and_group()
    {
        var (s, panitia, _) = await JudgedAsync();
        var p = s.Proposals.Select(x => x.Proposal.Id).ToList();
        var board = await (await panitia.GetAsync(Base(s.Edition.Id), Ct)).ShouldBeOk<AwardBoardDto>();
        Assert.Equal(s.Stages[1].Id, board.FinalStageId);
        Assert.Equal([p[5], p[3]], Ids(board, "Top 2"));
        Assert.Equal([p[1], p[0]], Ids(board, "Top 4"));
        // The best Replikasi proposal that passed the last stage: p4 failed it.
        Assert.Equal([p[2]], Ids(board, "Terbaik Replikasi"));
        Assert.Empty(Ids(board, "Outstanding"));
        Assert.All(board.Tiers.SelectMany(t => t.Entries), e => Assert.Equal("ranking", e.Source));
        Assert.Equal([1, 2], board.Tiers.Single(t => t.Tier.Title == "Top 2").Entries.Select(e => e.Rank!.Value));
    }

    [Fact]
    public async Task Nothing_can_be_adjusted_or_confirmed_before_a_stage_is_frozen()
    {
        var (s, panitia, tiers) = await JudgedAsync(freeze: false);
        var adjust = await panitia.PostJsonAsync($"{Base(s.Edition.Id)}/adjustments", new AwardAdjustmentRequest(tiers["Outstanding"], s.Proposals[0].Proposal.Id, "add", "Alasan"));
        var errors = await adjust.ValidationErrorsAsync();
        Assert.Contains("dibekukan", string.Join(" ", errors.Values.SelectMany(v => v)));
        var confirm = await panitia.PostAsync($"{Base(s.Edition.Id)}/confirm", null, Ct);
        Assert.Contains("dibekukan", string.Join(" ", (await confirm.ValidationErrorsAsync()).Values.SelectMany(v => v)));
        Assert.Equal(0, await App.WithDbAsync(db => db.EditionAwardAdjustments.CountAsync(a => a.EditionId == s.Edition.Id, Ct)));
        Assert.Equal(0, await App.WithDbAsync(db => db.InnovationAwards.CountAsync(a => a.EditionId == s.Edition.Id, Ct)));
    }

    [Fact]
    public async Task Changes_need_a_reason_refuse_duplicates_and_wrong_groups_and_move_the_suggestion()
    {
        var (s, panitia, tiers) = await JudgedAsync();
        var p = s.Proposals.Select(x => x.Proposal.Id).ToList();
        var url = $"{Base(s.Edition.Id)}/adjustments";
        // Outside the final ranking (p4 failed the last stage) and without a reason.
        var noReason = await panitia.PostJsonAsync(url, new AwardAdjustmentRequest(tiers["Outstanding"], p[4], "add", "  "));
        Assert.Contains(nameof(AdjustmentInput.Reason), (await noReason.ValidationErrorsAsync()).Keys);
        var duplicate = await panitia.PostJsonAsync(url, new AwardAdjustmentRequest(tiers["Top 2"], p[5], "add", "Sudah ada"));
        Assert.Contains("sudah ada", string.Join(" ", (await duplicate.ValidationErrorsAsync()).Values.SelectMany(v => v)));
        var wrongGroup = await panitia.PostJsonAsync(url, new AwardAdjustmentRequest(tiers["Terbaik Replikasi"], p[0], "add", "Bukan replikasi"));
        Assert.Contains("Replikasi", string.Join(" ", (await wrongGroup.ValidationErrorsAsync()).Values.SelectMany(v => v)));
        var badAction = await panitia.PostJsonAsync(url, new AwardAdjustmentRequest(tiers["Top 2"], p[0], "promote", "x"));
        await badAction.ShouldBe(HttpStatusCode.BadRequest);
        var otherEdition = await AwardsFixture.EditionAsync(App, "Umum");
        var foreign = await panitia.PostJsonAsync(url, new AwardAdjustmentRequest(tiers["Top 2"], otherEdition.Proposals[0].Proposal.Id, "add", "Edisi lain"));
        Assert.Contains(nameof(AdjustmentInput.ProposalId), (await foreign.ValidationErrorsAsync()).Keys);
        Assert.Equal(0, await App.WithDbAsync(db => db.EditionAwardAdjustments.CountAsync(a => a.EditionId == s.Edition.Id, Ct)));

        await (await panitia.PostJsonAsync(url, new AwardAdjustmentRequest(tiers["Outstanding"], p[4], "add", "Dampak luar biasa menurut TPI"))).ShouldBeOk<AwardBoardDto>();
        var board = await (await panitia.PostJsonAsync(url, new AwardAdjustmentRequest(tiers["Top 2"], p[3], "remove", "Sanggahan terbukti"))).ShouldBeOk<AwardBoardDto>();
        Assert.Equal([p[5]], Ids(board, "Top 2"));
        // Out of Top 2, still within the first four of the ranking: the next ladder tier takes it.
        Assert.Equal([p[3], p[1], p[0]], Ids(board, "Top 4"));
        var added = Assert.Single(board.Tiers.Single(t => t.Tier.Title == "Outstanding").Entries);
        Assert.Equal((p[4], "added", (int?)null, "Dampak luar biasa menurut TPI"), (added.ProposalId, added.Source, added.Rank, added.Reason));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(EditionAwardAdjustment) && a.Action == "Create", Ct)) >= 2);
    }

    [Fact]
    public async Task Confirming_writes_edition_awards_that_the_register_refuses_to_delete_issues_certificates_and_notifies_units()
    {
        var (s, panitia, tiers) = await JudgedAsync();
        var p = s.Proposals;
        var unit = await App.CreateUserAsync(Roles.Operator, p[5].Organisation.Id);
        await (await panitia.PostJsonAsync($"{Base(s.Edition.Id)}/adjustments", new AwardAdjustmentRequest(tiers["Outstanding"], p[4].Proposal.Id, "add", "Keputusan TPI"))).ShouldBeOk<AwardBoardDto>();
        var report = await (await panitia.PostAsync($"{Base(s.Edition.Id)}/confirm", null, Ct)).ShouldBeOk<ConfirmAwardsDto>();
        Assert.Equal(6, report.Awarded); // 2 + 2 + 1 + 1
        Assert.Equal(6, report.Certificates);

        var awards = await App.WithDbAsync(db => db.InnovationAwards.AsNoTracking().Where(a => a.EditionId == s.Edition.Id).ToListAsync(Ct));
        Assert.Equal(6, awards.Count);
        Assert.All(awards, a => Assert.Equal(("KOVABLIK", 2026, "Penetapan " + s.Edition.Name), (a.Competition, a.Year, a.Source)));
        var top = awards.Single(a => a.InnovationId == p[5].InnovationId);
        Assert.Equal(("Top 2", AwardTier.Top), (top.Title, top.Tier));
        Assert.Equal(AwardTier.Finalist, awards.Single(a => a.InnovationId == p[1].InnovationId).Tier);
        var grant = await App.WithDbAsync(db => db.EditionAwardGrants.AsNoTracking().SingleAsync(g => g.ProposalId == p[4].Proposal.Id, Ct));
        Assert.Equal(("Keputusan TPI", (int?)null), (grant.Reason, grant.Rank));

        // The register's delete refuses an edition's own award.
        var delete = await panitia.DeleteAsync($"/api/v1/awards/{top.Id}", Ct);
        Assert.Contains("tidak dapat dihapus", string.Join(" ", (await delete.ValidationErrorsAsync()).Values.SelectMany(v => v)));
        Assert.True(await App.WithDbAsync(db => db.InnovationAwards.AnyAsync(a => a.Id == top.Id, Ct)));

        // The public innovation page's awards list shows it.
        var publicAwards = await (await App.AnonymousClient().GetAsync($"/api/v1/innovations/{p[5].InnovationId}/awards", Ct)).ShouldBeOk<List<PublicAwardDto>>();
        Assert.Contains(publicAwards, a => a.Title == "Top 2" && a.Competition == "KOVABLIK");

        var certificate = await App.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.InnovationAwardId == top.Id, Ct));
        Assert.Equal(EditionAwardService.CodeLength, certificate.Code.Length);
        Assert.All(certificate.Code, c => Assert.True(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)));
        var notice = await App.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == unit.Id, Ct));
        Assert.Equal("/Sertifikat/" + certificate.Code, notice.Link);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Certificate) && a.Action == "Create", Ct)));

        // Nothing left to confirm; confirming again writes nothing.
        var again = await panitia.PostAsync($"{Base(s.Edition.Id)}/confirm", null, Ct);
        await again.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(6, await App.WithDbAsync(db => db.InnovationAwards.CountAsync(a => a.EditionId == s.Edition.Id, Ct)));
        // A tier with confirmed awards cannot be removed, and a confirmed award cannot be taken out.
        await (await panitia.DeleteAsync($"{Base(s.Edition.Id)}/tiers/{tiers["Top 2"]}", Ct)).ShouldBe(HttpStatusCode.BadRequest);
        var remove = await panitia.PostJsonAsync($"{Base(s.Edition.Id)}/adjustments", new AwardAdjustmentRequest(tiers["Top 2"], p[5].Proposal.Id, "remove", "Terlambat"));
        await remove.ShouldBe(HttpStatusCode.BadRequest);

        var winners = await (await App.AnonymousClient().GetAsync($"/api/v1/editions/{s.Edition.Id}/judging/winners", Ct)).ShouldBeOk<List<WinnerTierDto>>();
        Assert.Equal(["Top 2", "Top 4", "Terbaik Replikasi", "Outstanding"], winners.Select(w => w.Title));
        var first = winners[0].Winners[0];
        Assert.Equal((p[5].InnovationId, $"/Inovasi/{p[5].InnovationId}", p[5].Organisation.Name, s.Kota.Name), (first.InnovationId, first.InnovationUrl, first.OrganisationName, first.KabKota));
    }

    [Fact]
    public async Task Winners_are_empty_before_confirmation_and_tier_input_is_checked()
    {
        var (s, panitia, tiers) = await JudgedAsync();
        var winners = await (await App.AnonymousClient().GetAsync($"/api/v1/editions/{s.Edition.Id}/judging/winners", Ct)).ShouldBeOk<List<WinnerTierDto>>();
        Assert.Empty(winners);
        var url = $"{Base(s.Edition.Id)}/tiers";
        Assert.Contains(nameof(TierInput.Title), (await (await panitia.PostJsonAsync(url, new AwardTierRequest("", "top", 3, null, null))).ValidationErrorsAsync()).Keys);
        Assert.Contains(nameof(TierInput.Title), (await (await panitia.PostJsonAsync(url, new AwardTierRequest("top 2", "top", 3, null, null))).ValidationErrorsAsync()).Keys);
        Assert.Contains(nameof(TierInput.GroupCode), (await (await panitia.PostJsonAsync(url, new AwardTierRequest("Terbaik Lain", "top", 1, "TidakAda", null))).ValidationErrorsAsync()).Keys);
        Assert.Contains(nameof(TierInput.Places), (await (await panitia.PostJsonAsync(url, new AwardTierRequest("Nol", "top", 0, null, null))).ValidationErrorsAsync()).Keys);
        await (await panitia.PostJsonAsync(url, new AwardTierRequest("Aneh", "emas", 1, null, null))).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(4, await App.WithDbAsync(db => db.EditionAwardTiers.CountAsync(t => t.EditionId == s.Edition.Id, Ct)));
        var updated = await (await panitia.PutJsonAsync($"{url}/{tiers["Top 4"]}", new AwardTierRequest("Top 5", "finalist", 5, null, 2))).ShouldBeOk<AwardTierDto>();
        Assert.Equal(("Top 5", 5), (updated.Title, updated.Places));
        // Defaults only for an edition without tiers.
        var defaults = await (await panitia.PostAsync($"{url}/defaults", null, Ct)).ShouldBeOk<List<AwardTierDto>>();
        Assert.Equal(4, defaults.Count);
        var fresh = await App.OpenEditionAsync();
        var seeded = await (await panitia.PostAsync($"{Base(fresh.Id)}/tiers/defaults", null, Ct)).ShouldBeOk<List<AwardTierDto>>();
        Assert.Equal(["Top 30", "Top 45", "Terbaik Kategori Replikasi", "Outstanding Achievement"], seeded.Select(t => t.Title));
        // Organisers only.
        var unit = App.ClientFor(await App.CreateUserAsync(Roles.Operator, s.Proposals[0].Organisation.Id));
        await (await unit.GetAsync(Base(s.Edition.Id), Ct)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_certificate_is_a_landscape_pdf_with_its_code_and_verification_link_and_verifies_until_revoked()
    {
        var (s, panitia, _) = await JudgedAsync();
        var p = s.Proposals;
        await (await panitia.PostAsync($"{Base(s.Edition.Id)}/confirm", null, Ct)).ShouldBeOk<ConfirmAwardsDto>();
        var certificates = await (await panitia.GetAsync($"{Base(s.Edition.Id)}/certificates", Ct)).ShouldBeOk<List<CertificateDto>>();
        var c = certificates.Single(x => x.InnovationName == p[5].InnovationName);
        Assert.Equal("http://localhost/Sertifikat/" + c.Code, c.VerificationUrl);

        var response = await panitia.GetAsync($"/api/v1/certificates/{c.Code}/pdf", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        using (var pdf = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
        {
            var page = Assert.Single(pdf.Pages.Cast<PdfSharp.Pdf.PdfPage>());
            Assert.True(page.Width.Point > page.Height.Point);
            Assert.Equal(842, (int)Math.Round(page.Width.Point));
            Assert.Equal(c.Code, pdf.Info.Keywords);
        }
        // The QR area is also a link to the verification page, written as text in the file.
        Assert.Contains($"({c.VerificationUrl})", Encoding.Latin1.GetString(bytes));
        Assert.Equal(c.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        var anonymous = App.AnonymousClient();
        var lookup = await (await anonymous.GetAsync($"/api/v1/certificates/{c.Code}", Ct)).ShouldBeOk<CertificateDto>();
        Assert.Equal((c.Code, "Top 2", p[5].InnovationName, p[5].Organisation.Name, s.Edition.Name, false, c.Sha256),
            (lookup.Code, lookup.AwardTitle, lookup.InnovationName, lookup.RecipientName, lookup.EditionName, lookup.Revoked, lookup.Sha256));
        await (await anonymous.GetAsync($"/api/v1/certificates/{EditionAwardService.NewCode()}", Ct)).ShouldBe(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/v1/certificates/{c.Code}/pdf", Ct)).ShouldNotBe(HttpStatusCode.OK);

        // The awarded unit downloads; a unit of another organisation is told it does not exist.
        var own = App.ClientFor(await App.CreateUserAsync(Roles.Operator, p[5].Organisation.Id));
        await (await own.GetAsync($"/api/v1/certificates/{c.Code}/pdf", Ct)).ShouldBe(HttpStatusCode.OK);
        var other = App.ClientFor(await App.CreateUserAsync(Roles.Operator, p[0].Organisation.Id));
        await (await other.GetAsync($"/api/v1/certificates/{c.Code}/pdf", Ct)).ShouldBe(HttpStatusCode.NotFound);
        await (await other.PostJsonAsync($"/api/v1/certificates/{c.Code}/revoke", new RevokeCertificateRequest("bukan hak"))).ShouldBe(HttpStatusCode.Forbidden);

        var noReason = await panitia.PostJsonAsync($"/api/v1/certificates/{c.Code}/revoke", new RevokeCertificateRequest(" "));
        Assert.Contains("Reason", (await noReason.ValidationErrorsAsync()).Keys);
        Assert.False((await (await anonymous.GetAsync($"/api/v1/certificates/{c.Code}", Ct)).ShouldBeOk<CertificateDto>()).Revoked);
        var revoked = await (await panitia.PostJsonAsync($"/api/v1/certificates/{c.Code}/revoke", new RevokeCertificateRequest("Data inovasi terbukti tidak benar"))).ShouldBeOk<CertificateDto>();
        Assert.True(revoked.Revoked);
        var after = await (await anonymous.GetAsync($"/api/v1/certificates/{c.Code}", Ct)).ShouldBeOk<CertificateDto>();
        Assert.Equal((true, "Data inovasi terbukti tidak benar"), (after.Revoked, after.RevokedReason));
    }

    [Fact]
    public async Task The_KIPP_pack_lays_each_winner_out_in_KIPP_fields_with_documents_and_a_manifest_whose_hashes_match()
    {
        var (s, panitia, _) = await JudgedAsync();
        var p = s.Proposals;
        await (await panitia.PostAsync($"{Base(s.Edition.Id)}/confirm", null, Ct)).ShouldBeOk<ConfirmAwardsDto>();
        var board = await (await panitia.GetAsync(Base(s.Edition.Id), Ct)).ShouldBeOk<AwardBoardDto>();
        var top = board.Tiers.Single(t => t.Tier.Title == "Top 2").Entries.Single(e => e.ProposalId == p[5].Proposal.Id);
        var replikasi = board.Tiers.Single(t => t.Tier.Title == "Terbaik Replikasi").Entries.Single();

        var bad = await panitia.PostJsonAsync($"{Base(s.Edition.Id)}/kipp-pack", new KippPackRequest([top.GrantId!.Value, 99_999_999]));
        await bad.ShouldBe(HttpStatusCode.BadRequest);
        var unit = App.ClientFor(await App.CreateUserAsync(Roles.Operator, p[5].Organisation.Id));
        await (await unit.PostJsonAsync($"{Base(s.Edition.Id)}/kipp-pack", new KippPackRequest([top.GrantId!.Value]))).ShouldBe(HttpStatusCode.Forbidden);

        var response = await panitia.PostJsonAsync($"{Base(s.Edition.Id)}/kipp-pack", new KippPackRequest([top.GrantId!.Value, replikasi.GrantId!.Value]));
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), ZipArchiveMode.Read);
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var innovations = manifest.RootElement.GetProperty("innovations").EnumerateArray().ToList();
        Assert.Equal([p[5].Proposal.Id, p[2].Proposal.Id], innovations.Select(i => i.GetProperty("proposalId").GetInt32()));
        var listed = new HashSet<string>();
        foreach (var innovation in innovations)
            foreach (var file in innovation.GetProperty("files").EnumerateArray())
            {
                var path = file.GetProperty("path").GetString()!;
                listed.Add(path);
                using var copy = new MemoryStream();
                using (var stream = zip.GetEntry(path)!.Open()) stream.CopyTo(copy);
                Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())));
            }
        // Every file in the ZIP is in the manifest.
        Assert.Equal(zip.Entries.Select(e => e.FullName).Where(n => n != "manifest.json").Order(), listed.Order());

        var first = innovations[0];
        Assert.Equal(p[5].Organisation.Name, first.GetProperty("organisation").GetProperty("name").GetString());
        Assert.Equal("Top 2", first.GetProperty("awards")[0].GetProperty("title").GetString());
        var folder = first.GetProperty("folder").GetString()!;
        var markdown = new StreamReader(zip.GetEntry(folder + "proposal.md")!.Open()).ReadToEnd();
        foreach (var field in KippPack.Umum) Assert.Contains("## " + field.Name + "\n", markdown);
        Assert.Contains("Isian Latar Belakang dan Tujuan proposal 5.", markdown);
        // Our sections outside KIPP's fields travel too, under their own heading.
        Assert.Contains("## " + KippPack.OtherFields + ": Kolaborasi", markdown);
        using (var document = new MemoryStream())
        {
            zip.GetEntry(folder + "dokumen/Proposal-proposal-5.pdf")!.Open().CopyTo(document);
            Assert.Equal(AwardsFixture.DocumentText + "5", Encoding.ASCII.GetString(document.ToArray()));
        }
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(ReadAll(zip.GetEntry(folder + "proposal.pdf")!), 0, 5));
        var replication = new StreamReader(zip.GetEntry(innovations[1].GetProperty("folder").GetString() + "proposal.md")!.Open()).ReadToEnd();
        Assert.Contains("## Faktor Pembeda\n", replication);
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var copy = new MemoryStream();
        using (var s = entry.Open()) s.CopyTo(copy);
        return copy.ToArray();
    }
}

public sealed class AwardApiTestsSqlite() : AwardApiTests(DatabaseProvider.Sqlite);

public sealed class AwardApiTestsPostgres() : AwardApiTests(DatabaseProvider.Postgres);
