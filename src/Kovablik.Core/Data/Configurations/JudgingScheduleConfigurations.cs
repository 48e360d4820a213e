using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Schedule;
using Kovablik.Competitions.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kovablik.Data.Configurations;

internal sealed class PresentationSlotEntityTypeConfiguration : IEntityTypeConfiguration<PresentationSlot>
{
    public void Configure(EntityTypeBuilder<PresentationSlot> b)
    {
        b.ToTable("presentation_slots");
        b.Property(s => s.MeetingUrl).HasMaxLength(JudgingScheduleService.MaxUrlLength);
        b.Property(s => s.FallbackVenue).HasMaxLength(JudgingScheduleService.MaxVenueLength);
        b.Property(s => s.ConfirmedByUserId).HasMaxLength(450);
        b.Property(s => s.ScheduledByUserId).HasMaxLength(450);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.TotalMinutes);
        b.Ignore(s => s.EndsAt);
        b.Ignore(s => s.InterviewStartsAt);
        b.Ignore(s => s.ConfirmBy);
        b.HasOne<JudgingStage>().WithMany().HasForeignKey(s => s.StageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Restrict);
        // One slot per proposal and stage; moving a presentation edits it.
        b.HasIndex(s => new { s.StageId, s.ProposalId }).IsUnique();
        b.HasIndex(s => s.StartsAt);
    }
}

internal sealed class FieldVisitEntityTypeConfiguration : IEntityTypeConfiguration<FieldVisit>
{
    public void Configure(EntityTypeBuilder<FieldVisit> b)
    {
        b.ToTable("field_visits");
        b.Property(v => v.Address).HasMaxLength(JudgingScheduleService.MaxVenueLength).IsRequired();
        b.Property(v => v.Report).HasMaxLength(JudgingScheduleService.MaxReportLength);
        b.Property(v => v.ReportedByUserId).HasMaxLength(450);
        b.Property(v => v.ScheduledByUserId).HasMaxLength(450);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasOne<JudgingStage>().WithMany().HasForeignKey(v => v.StageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Proposal>().WithMany().HasForeignKey(v => v.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.StageId, v.ProposalId }).IsUnique();
    }
}

internal sealed class FieldVisitPhotoEntityTypeConfiguration : IEntityTypeConfiguration<FieldVisitPhoto>
{
    public void Configure(EntityTypeBuilder<FieldVisitPhoto> b)
    {
        b.ToTable("field_visit_photos");
        b.Property(p => p.StorageKey).HasMaxLength(100).IsRequired();
        b.Property(p => p.OriginalFileName).HasMaxLength(255).IsRequired();
        b.Property(p => p.ContentType).HasMaxLength(100).IsRequired();
        b.Property(p => p.Sha256).HasMaxLength(64).IsRequired();
        b.Property(p => p.UploadedByUserId).HasMaxLength(450);
        b.HasOne<FieldVisit>().WithMany().HasForeignKey(p => p.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.VisitId);
    }
}
