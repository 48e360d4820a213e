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
    }
}
