using Kovablik.Competitions;
using Kovablik.Competitions.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kovablik.Data.Configurations;

internal sealed class EditionEntityTypeConfiguration : IEntityTypeConfiguration<Edition>
{
    public void Configure(EntityTypeBuilder<Edition> b)
    {
        b.ToTable("editions");
        b.Property(e => e.Name).HasMaxLength(200).IsRequired();
        b.Property(e => e.Slug).HasMaxLength(100).IsRequired();
        b.HasIndex(e => e.Slug).IsUnique();
        b.Property(e => e.Description).HasMaxLength(4000);
        b.HasIndex(e => new { e.Status, e.Year });
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Ignore(e => e.HasCompleteTimeline);
        // The edition's structure is edited and read as a whole: owned JSON documents, like Innovation.Team.
        b.OwnsMany(e => e.Stages, s => s.ToJson());
        b.OwnsMany(e => e.Clusters, c => c.ToJson());
        b.OwnsMany(e => e.Groups, g =>
        {
            g.ToJson();
            g.OwnsMany(x => x.Sections);
            g.OwnsMany(x => x.Documents, d => d.Ignore(x => x.AllowedTypeList));
        });
        b.OwnsOne(e => e.Eligibility, el =>
        {
            el.ToJson();
            el.OwnsMany(x => x.AllowedOrganisationTypes);
            el.OwnsMany(x => x.QuotaOverrides);
        });
        b.Navigation(e => e.Eligibility).IsRequired();
        b.HasMany(e => e.Categories).WithMany().UsingEntity(j => j.ToTable("edition_categories"));
    }
}

internal sealed class ProposalEntityTypeConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("proposals");
        b.Property(p => p.GroupCode).HasMaxLength(50).IsRequired();
        b.Property(p => p.Title).HasMaxLength(200).IsRequired();
        b.Property(p => p.ReturnComment).HasMaxLength(4000);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.IsEditable);
        b.OwnsMany(p => p.Sections, s => s.ToJson());
        b.HasOne<Edition>().WithMany().HasForeignKey(p => p.EditionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Kovablik.Innovations.Innovation>().WithMany().HasForeignKey(p => p.InnovationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.EditionId, p.OrganisationId, p.Status });
        b.HasIndex(p => new { p.EditionId, p.InnovationId });
        b.Property(p => p.SelectionNote).HasMaxLength(4000);
        b.Property(p => p.SelectionDecidedByUserId).HasMaxLength(450);
        b.HasMany(p => p.Documents).WithOne().HasForeignKey(d => d.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Links).WithOne().HasForeignKey(d => d.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalDocumentEntityTypeConfiguration : IEntityTypeConfiguration<ProposalDocument>
{
    public void Configure(EntityTypeBuilder<ProposalDocument> b)
    {
        b.ToTable("proposal_documents");
        b.Property(d => d.SlotKey).HasMaxLength(50).IsRequired();
        b.Property(d => d.OriginalFileName).HasMaxLength(255).IsRequired();
        b.Property(d => d.StorageKey).HasMaxLength(100).IsRequired();
        b.Property(d => d.ContentType).HasMaxLength(150).IsRequired();
        b.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        b.Property(d => d.UploadedByUserId).HasMaxLength(450);
        b.HasIndex(d => new { d.ProposalId, d.SlotKey });
    }
}

internal sealed class ProposalLinkEntityTypeConfiguration : IEntityTypeConfiguration<ProposalLink>
{
    public void Configure(EntityTypeBuilder<ProposalLink> b)
    {
        b.ToTable("proposal_links");
        b.Property(d => d.Url).HasMaxLength(2000).IsRequired();
        b.Property(d => d.Label).HasMaxLength(200);
        b.Property(d => d.DurationNote).HasMaxLength(200);
        b.Property(d => d.CheckMessage).HasMaxLength(1000);
        b.HasIndex(d => d.ProposalId);
        b.HasIndex(d => new { d.CheckStatus, d.CheckedAt });
    }
}

internal sealed class AnnouncementEntityTypeConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> b)
    {
        b.ToTable("announcements");
        b.Property(a => a.Title).HasMaxLength(300).IsRequired();
        b.Property(a => a.Body).HasMaxLength(100_000).IsRequired();
        b.Property(a => a.PublishedByUserId).HasMaxLength(450);
        b.HasOne<Edition>().WithMany().HasForeignKey(a => a.EditionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.EditionId, a.PublishedAt });
    }
}

internal sealed class DeadlineExtensionEntityTypeConfiguration : IEntityTypeConfiguration<DeadlineExtension>
{
    public void Configure(EntityTypeBuilder<DeadlineExtension> b)
    {
        b.ToTable("deadline_extensions");
        b.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        b.Property(x => x.ByUserId).HasMaxLength(450);
        b.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Announcement>().WithMany().HasForeignKey(x => x.AnnouncementId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.EditionId);
    }
}

internal sealed class ReminderDispatchEntityTypeConfiguration : IEntityTypeConfiguration<ReminderDispatch>
{
    public void Configure(EntityTypeBuilder<ReminderDispatch> b)
    {
        b.ToTable("reminder_dispatches");
        b.Property(x => x.Kind).HasMaxLength(10).IsRequired();
        b.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.EditionId, x.OrganisationId, x.Kind, x.ClosesAt }).IsUnique();
    }
}

internal sealed class ProposalFingerprintEntityTypeConfiguration : IEntityTypeConfiguration<ProposalFingerprint>
{
    public void Configure(EntityTypeBuilder<ProposalFingerprint> b)
    {
        b.ToTable("proposal_fingerprints");
        b.HasKey(f => new { f.ProposalId, f.Hash });
        b.HasOne<Proposal>().WithMany().HasForeignKey(f => f.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.EditionId, f.Hash });
    }
}

internal sealed class InnovationAwardEntityTypeConfiguration : IEntityTypeConfiguration<Kovablik.Competitions.Awards.InnovationAward>
{
    public void Configure(EntityTypeBuilder<Kovablik.Competitions.Awards.InnovationAward> b)
    {
        b.ToTable("innovation_awards");
        b.Property(a => a.Competition).HasMaxLength(60).IsRequired();
        b.Property(a => a.Title).HasMaxLength(120).IsRequired();
        b.Property(a => a.Source).HasMaxLength(300);
        b.Property(a => a.RecordedByUserId).HasMaxLength(450);
        b.HasOne(a => a.Innovation).WithMany().HasForeignKey(a => a.InnovationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Edition>().WithMany().HasForeignKey(a => a.EditionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.InnovationId, a.Year, a.Competition, a.Title }).IsUnique();
        b.HasIndex(a => new { a.Year, a.Competition });
        b.HasIndex(a => a.EditionId);
    }
}
