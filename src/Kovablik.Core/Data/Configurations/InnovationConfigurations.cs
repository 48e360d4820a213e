using Kovablik.Innovations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kovablik.Data.Configurations;

internal sealed class InnovationEntityTypeConfiguration : IEntityTypeConfiguration<Innovation>
{
    public void Configure(EntityTypeBuilder<Innovation> b)
    {
        b.ToTable("innovations");
        b.Property(i => i.Name).HasMaxLength(200).IsRequired();
        b.Property(i => i.ShortDescription).HasMaxLength(1000);
        b.Property(i => i.SearchText).HasMaxLength(1500);
        b.Property(i => i.SkNumber).HasMaxLength(200);
        b.Property(i => i.ContactName).HasMaxLength(200);
        b.Property(i => i.ContactEmail).HasMaxLength(256);
        b.Property(i => i.ContactPhone).HasMaxLength(50);
        b.Property(i => i.VideoUrl).HasMaxLength(500);
        b.Property(i => i.WebsiteUrl).HasMaxLength(500);
        b.HasIndex(i => new { i.Status, i.OrganisationId });
        b.HasIndex(i => i.PublishedAt);
        // "Most favoured": read backwards in index order, ties newest first, like the newest sort.
        b.HasIndex(i => new { i.FavouriteVotes, i.PublishedAt, i.Id });
        b.HasOne(i => i.Organisation).WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.OwnsMany(i => i.Team, t => t.ToJson());
        b.HasMany(i => i.Categories).WithMany(c => c.Innovations).UsingEntity(j => j.ToTable("innovation_categories"));
        b.HasMany(i => i.SdgGoals).WithMany(c => c.Innovations).UsingEntity(j => j.ToTable("innovation_sdg_goals"));
        b.HasMany(i => i.TargetGroups).WithMany(c => c.Innovations).UsingEntity(j => j.ToTable("innovation_target_groups"));
        b.HasMany(i => i.Attachments).WithOne().HasForeignKey(a => a.InnovationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttachmentEntityTypeConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("attachments");
        b.Property(a => a.OriginalFileName).HasMaxLength(255).IsRequired();
        b.Property(a => a.StorageKey).HasMaxLength(100).IsRequired();
        b.Property(a => a.ThumbnailKey).HasMaxLength(100);
        b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        b.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
    }
}

internal sealed class InnovationVersionEntityTypeConfiguration : IEntityTypeConfiguration<InnovationVersion>
{
    public void Configure(EntityTypeBuilder<InnovationVersion> b)
    {
        b.ToTable("innovation_versions");
        b.HasIndex(v => new { v.InnovationId, v.VersionNumber }).IsUnique();
        b.Property(v => v.UserName).HasMaxLength(256);
        b.Property(v => v.Summary).HasMaxLength(1000);
    }
}

internal sealed class TaxonomyEntityTypeConfiguration :
    IEntityTypeConfiguration<Category>, IEntityTypeConfiguration<SdgGoal>, IEntityTypeConfiguration<TargetGroup>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("categories");
        b.Property(c => c.Name).HasMaxLength(200).IsRequired();
    }

    public void Configure(EntityTypeBuilder<SdgGoal> b)
    {
        b.ToTable("sdg_goals");
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Name).HasMaxLength(200).IsRequired();
    }

    public void Configure(EntityTypeBuilder<TargetGroup> b)
    {
        b.ToTable("target_groups");
        b.Property(c => c.Name).HasMaxLength(200).IsRequired();
    }
}

internal sealed class InnovationPageEntityTypeConfiguration : IEntityTypeConfiguration<InnovationPage>
{
    public void Configure(EntityTypeBuilder<InnovationPage> b)
    {
        b.ToTable("innovation_pages");
        b.HasKey(p => p.InnovationId);
        b.Property(p => p.InnovationId).ValueGeneratedNever();
        b.HasOne(p => p.Innovation).WithOne().HasForeignKey<InnovationPage>(p => p.InnovationId).OnDelete(DeleteBehavior.Cascade);
    }
}
