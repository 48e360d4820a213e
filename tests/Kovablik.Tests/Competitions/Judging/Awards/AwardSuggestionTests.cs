using Kovablik.Competitions.Judging.Awards;

namespace Kovablik.Tests.Competitions.Judging.Awards;

/// <summary>The pure suggestion and the certificate's QR payload.</summary>
public sealed class AwardSuggestionTests
{
    private static readonly List<RankedProposal> Ranking = Enumerable.Range(1, 8).Select(r => new RankedProposal(100 + r, r, r % 3 == 0 ? "Replikasi" : "Umum")).ToList();

    [Fact]
    public void Ladder_tiers_take_the_first_places_not_taken_before_and_group_tiers_the_best_of_their_group()
    {
        var tiers = new List<TierRule> { new(1, 1, 3, null), new(2, 2, 5, null), new(3, 3, 2, "Replikasi"), new(4, 4, null, null) };
        var result = AwardSuggestion.Compute(tiers, Ranking, [], new HashSet<(int, int)>());
        Assert.Equal([101, 102, 103], result[1].Select(e => e.ProposalId));
        Assert.Equal([104, 105], result[2].Select(e => e.ProposalId));
        // Group awards may go to ladder winners too: the best Replikasi proposals are ranks 3 and 6.
        Assert.Equal([103, 106], result[3].Select(e => e.ProposalId));
        Assert.Empty(result[4]);
    }

    [Fact]
    public void The_latest_change_per_tier_and_proposal_wins_and_confirmed_awards_never_move()
    {
        var tiers = new List<TierRule> { new(1, 1, 2, null), new(2, 2, 4, null) };
        var changes = new List<TierChange>
        {
            new(1, 101, AwardAdjustmentAction.Remove, "sanggahan"),
            new(1, 108, AwardAdjustmentAction.Add, "keputusan pleno"),
            new(2, 999, AwardAdjustmentAction.Add, "di luar peringkat"),
        };
        var confirmed = new HashSet<(int, int)> { (1, 102) };
        var result = AwardSuggestion.Compute(tiers, Ranking, changes, confirmed);
        Assert.Equal([102, 108], result[1].Select(e => e.ProposalId));
        Assert.True(result[1][0].Confirmed);
        Assert.Equal((AwardEntrySource.Added, 8, "keputusan pleno"), (result[1][1].Source, result[1][1].Rank, result[1][1].Reason));
        // 101 left Top 2 and falls into the next ladder tier; 999 is outside the ranking (no rank) and last.
        Assert.Equal([101, 103, 104, 999], result[2].Select(e => e.ProposalId));
        Assert.Null(result[2][3].Rank);
    }

    [Fact]
    public void The_certificate_QR_encodes_the_public_verification_address()
    {
        var code = EditionAwardService.NewCode();
        var url = CertificatePdf.VerificationUrl("https://kovablik.jatimprov.go.id/", code);
        Assert.Equal("https://kovablik.jatimprov.go.id/Sertifikat/" + code, url);
        var rendered = CertificatePdf.Render(new CertificateContent(code, "KOVABLIK 2026", "Top 30", "Inovasi Ĉoba", "Dinas Uji", DateTimeOffset.UnixEpoch, url));
        Assert.Equal(url, rendered.QrPayload);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(rendered.Pdf, 0, 5));
        Assert.NotEqual(code, EditionAwardService.NewCode());
    }
}
