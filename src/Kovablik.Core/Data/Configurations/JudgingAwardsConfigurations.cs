using Kovablik.Competitions;
using Kovablik.Competitions.Awards;
using Kovablik.Competitions.Judging.Awards;
using Kovablik.Competitions.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kovablik.Data.Configurations;

internal sealed class EditionAwardTierEntityTypeConfiguration : IEntityTypeConfiguration<EditionAwardTier>
{
    public void Configure(EntityTypeBuilder<EditionAwardTier> b)
    {
        b.ToTable("edition_award_tiers");
        b.Property(t => t.Title).HasMaxLength(120).IsRequired();
        b.Property(t => t.GroupCode).HasMaxLength(40);
        b.HasOne<Edition>().WithMany().HasForeignKey(t => t.EditionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.EditionId, t.Order });
    }
}

internal sealed class EditionAwardAdjustmentEntityTypeConfiguration : IEntityTypeConfiguration<EditionAwardAdjustment>
{
    public void Configure(EntityTypeBuilder<EditionAwardAdjustment> b)
    {
        b.ToTable("edition_award_adjustments");
        b.Property(a => a.Reason).HasMaxLength(1000).IsRequired();
        b.Property(a => a.DecidedByUserId).HasMaxLength(450);
        b.HasOne<EditionAwardTier>().WithMany().HasForeignKey(a => a.TierId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.EditionId, a.TierId, a.ProposalId });
    }
}

internal sealed class EditionAwardGrantEntityTypeConfiguration : IEntityTypeConfiguration<EditionAwardGrant>
{
    public void Configure(EntityTypeBuilder<EditionAwardGrant> b)
    {
        b.ToTable("edition_award_grants");
        b.Property(g => g.Reason).HasMaxLength(1000);
        b.Property(g => g.DecidedByUserId).HasMaxLength(450);
        b.HasOne<Edition>().WithMany().HasForeignKey(g => g.EditionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EditionAwardTier>().WithMany().HasForeignKey(g => g.TierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Proposal>().WithMany().HasForeignKey(g => g.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InnovationAward>().WithMany().HasForeignKey(g => g.InnovationAwardId).OnDelete(DeleteBehavior.Restrict);
        // One proposal at most once per tier, even when two organisers confirm at the same moment.
        b.HasIndex(g => new { g.TierId, g.ProposalId }).IsUnique();
        b.HasIndex(g => g.InnovationAwardId).IsUnique();
        b.HasIndex(g => g.EditionId);
    }
}

internal sealed class CertificateEntityTypeConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("certificates");
        b.Property(c => c.Code).HasMaxLength(40).IsRequired();
        b.Property(c => c.RecipientName).HasMaxLength(300).IsRequired();
        b.Property(c => c.InnovationName).HasMaxLength(300).IsRequired();
        b.Property(c => c.AwardTitle).HasMaxLength(120).IsRequired();
        b.Property(c => c.EditionName).HasMaxLength(200).IsRequired();
        b.Property(c => c.StorageKey).HasMaxLength(100).IsRequired();
        b.Property(c => c.Sha256).HasMaxLength(64).IsRequired();
        b.Property(c => c.RevokedReason).HasMaxLength(1000);
        b.Property(c => c.IssuedByUserId).HasMaxLength(450);
        b.Property(c => c.RevokedByUserId).HasMaxLength(450);
        b.HasOne<InnovationAward>().WithMany().HasForeignKey(c => c.InnovationAwardId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Edition>().WithMany().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => c.InnovationAwardId);
        b.HasIndex(c => c.EditionId);
    }
}
