using Kovablik.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kovablik.Data.Configurations;

internal sealed class InnovationSearchEntryConfiguration : IEntityTypeConfiguration<InnovationSearchEntry>
{
    public void Configure(EntityTypeBuilder<InnovationSearchEntry> b)
    {
        // The full-text structures over this table (FTS5 on SQLite, a weighted tsvector + GIN on PostgreSQL) are
        // not part of the EF model: SearchSql creates them in the migration.
        b.ToTable("innovation_search");
        b.HasKey(e => e.InnovationId);
        b.Property(e => e.InnovationId).ValueGeneratedNever();
        b.HasOne(e => e.Innovation).WithOne().HasForeignKey<InnovationSearchEntry>(e => e.InnovationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SearchIndexVersionConfiguration : IEntityTypeConfiguration<SearchIndexVersion>
{
    public void Configure(EntityTypeBuilder<SearchIndexVersion> b)
    {
        // Written only by the triggers SearchSql creates over innovation_search; the row exists from the migration on.
        b.ToTable("search_index_version");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.HasData(new SearchIndexVersion { Id = SearchIndexVersion.SingletonId, Version = 0 });
    }
}
