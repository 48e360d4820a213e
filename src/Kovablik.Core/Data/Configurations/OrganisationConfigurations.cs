using Kovablik.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kovablik.Data.Configurations;

internal sealed class OrganisationEntityTypeConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("organisations");
        b.Property(o => o.Code).HasMaxLength(64);
        b.HasIndex(o => o.Code).IsUnique();
        b.Property(o => o.Name).HasMaxLength(300).IsRequired();
        b.Property(o => o.SearchText).HasMaxLength(400).IsRequired();
        b.HasIndex(o => o.SearchText);
        b.Property(o => o.Path).HasMaxLength(1000).IsRequired();
        b.HasIndex(o => o.Path);
        b.Property(o => o.RegionCode).HasMaxLength(16);
        b.HasIndex(o => o.ParentId);
        b.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(o => o.Version).IsConcurrencyToken();
    }
}

internal sealed class RegionEntityTypeConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("regions");
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(16);
        b.Property(r => r.Name).HasMaxLength(200).IsRequired();
        b.Property(r => r.ParentCode).HasMaxLength(16);
        b.HasIndex(r => r.ParentCode);
    }
}
