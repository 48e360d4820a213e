using Kovablik.Competitions;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kovablik.Data.Configurations;

internal sealed class JudgingStageEntityTypeConfiguration : IEntityTypeConfiguration<JudgingStage>
{
    public void Configure(EntityTypeBuilder<JudgingStage> b)
    {
        b.ToTable("judging_stages");
        b.Property(s => s.Name).HasMaxLength(200).IsRequired();
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Property(s => s.FrozenByUserId).HasMaxLength(450);
        b.Ignore(s => s.IsScored);
        b.Ignore(s => s.IsFrozen);
        b.HasOne<Edition>().WithMany().HasForeignKey(s => s.EditionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.EditionId, s.Order }).IsUnique();
    }
}

internal sealed class JurorEntityTypeConfiguration : IEntityTypeConfiguration<Juror>
{
    public void Configure(EntityTypeBuilder<Juror> b)
    {
        b.ToTable("jurors");
        b.Property(j => j.UserId).HasMaxLength(450).IsRequired();
        b.Property(j => j.DisplayName).HasMaxLength(200).IsRequired();
        b.Property(j => j.Version).IsConcurrencyToken();
        b.HasOne<Edition>().WithMany().HasForeignKey(j => j.EditionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Kovablik.Organisations.Organisation>().WithMany().HasForeignKey(j => j.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(j => new { j.EditionId, j.UserId }).IsUnique();
        b.HasIndex(j => j.UserId);
    }
}

internal sealed class ConflictDeclarationEntityTypeConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> b)
    {
        b.ToTable("conflict_declarations");
        b.Property(c => c.Reason).HasMaxLength(1000).IsRequired();
        b.Property(c => c.DeclaredByUserId).HasMaxLength(450);
        b.Property(c => c.WithdrawnByUserId).HasMaxLength(450);
        b.Property(c => c.WithdrawalReason).HasMaxLength(1000);
        b.HasOne<Juror>().WithMany().HasForeignKey(c => c.JurorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Proposal>().WithMany().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Kovablik.Organisations.Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.EditionId, c.JurorId });
        b.HasIndex(c => c.ProposalId);
    }
}

internal sealed class JurorAssignmentEntityTypeConfiguration : IEntityTypeConfiguration<JurorAssignment>
{
    public void Configure(EntityTypeBuilder<JurorAssignment> b)
    {
        b.ToTable("juror_assignments");
        b.Property(a => a.AssignedByUserId).HasMaxLength(450);
        b.HasOne<JudgingStage>().WithMany().HasForeignKey(a => a.StageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Juror>().WithMany().HasForeignKey(a => a.JurorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.StageId, a.JurorId, a.ProposalId }).IsUnique();
        b.HasIndex(a => new { a.StageId, a.ProposalId });
    }
}

internal sealed class JurorScoreEntityTypeConfiguration : IEntityTypeConfiguration<JurorScore>
{
    public void Configure(EntityTypeBuilder<JurorScore> b)
    {
        b.ToTable("juror_scores");
        b.Property(s => s.ScoresJson).HasMaxLength(8000).IsRequired();
        b.Property(s => s.CommentsJson).HasMaxLength(40000).IsRequired();
        b.Property(s => s.OverallComment).HasMaxLength(4000);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<JudgingStage>().WithMany().HasForeignKey(s => s.StageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Juror>().WithMany().HasForeignKey(s => s.JurorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.StageId, s.JurorId, s.ProposalId }).IsUnique();
        b.HasIndex(s => new { s.StageId, s.ProposalId });
    }
}

internal sealed class PlenaryDecisionEntityTypeConfiguration : IEntityTypeConfiguration<PlenaryDecision>
{
    public void Configure(EntityTypeBuilder<PlenaryDecision> b)
    {
        b.ToTable("plenary_decisions");
        b.Property(d => d.Reason).HasMaxLength(2000).IsRequired();
        b.Property(d => d.DecidedByUserId).HasMaxLength(450);
        b.HasOne<JudgingStage>().WithMany().HasForeignKey(d => d.StageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Proposal>().WithMany().HasForeignKey(d => d.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.StageId, d.ProposalId });
    }
}

internal sealed class StageResultEntityTypeConfiguration : IEntityTypeConfiguration<StageResult>
{
    public void Configure(EntityTypeBuilder<StageResult> b)
    {
        b.ToTable("stage_results");
        b.Property(r => r.Outcome).HasMaxLength(50).IsRequired();
        b.Property(r => r.Cluster).HasMaxLength(200);
        b.HasOne<JudgingStage>().WithMany().HasForeignKey(r => r.StageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Proposal>().WithMany().HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.StageId, r.ProposalId }).IsUnique();
        b.HasIndex(r => new { r.StageId, r.Rank });
    }
}
