using Kovablik.Competitions;
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
