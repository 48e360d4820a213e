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
