using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Results;
using Kovablik.Competitions.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kovablik.Data.Configurations;

internal sealed class ObjectionEntityTypeConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.ToTable("judging_objections");
        b.Property(o => o.SubmittedByUserId).HasMaxLength(450).IsRequired();
        b.Property(o => o.SubmitterName).HasMaxLength(Objection.MaxNameLength).IsRequired();
        b.Property(o => o.Text).HasMaxLength(Objection.MaxTextLength).IsRequired();
        b.Property(o => o.FilterFindings).HasMaxLength(500);
        b.Property(o => o.Resolution).HasMaxLength(Objection.MaxResolutionLength);
        b.Property(o => o.ResolvedByUserId).HasMaxLength(450);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne<JudgingStage>().WithMany().HasForeignKey(o => o.StageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Proposal>().WithMany().HasForeignKey(o => o.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => new { o.StageId, o.Status });
        b.HasIndex(o => new { o.SubmittedByUserId, o.SubmittedAt });
        b.HasIndex(o => o.ProposalId);
    }
}
