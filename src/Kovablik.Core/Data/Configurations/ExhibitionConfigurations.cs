using Kovablik.Exhibitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kovablik.Data.Configurations;

internal sealed class ExhibitionEntityTypeConfiguration : IEntityTypeConfiguration<Exhibition>
{
    public void Configure(EntityTypeBuilder<Exhibition> b)
    {
        b.ToTable("exhibitions");
        b.Property(e => e.Name).HasMaxLength(200).IsRequired();
        b.Property(e => e.Slug).HasMaxLength(100).IsRequired();
        b.Property(e => e.Venue).HasMaxLength(300);
        b.Property(e => e.Description).HasMaxLength(4000);
        b.Property(e => e.IpSalt).HasMaxLength(64);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => e.Slug).IsUnique();
        b.HasMany(e => e.Booths).WithOne(x => x.Exhibition).HasForeignKey(x => x.ExhibitionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExhibitionBoothEntityTypeConfiguration : IEntityTypeConfiguration<ExhibitionBooth>
{
    public void Configure(EntityTypeBuilder<ExhibitionBooth> b)
    {
        b.ToTable("exhibition_booths");
        b.Property(x => x.Number).HasMaxLength(20).IsRequired();
        b.Property(x => x.Hall).HasMaxLength(100);
        b.HasOne(x => x.Innovation).WithMany().HasForeignKey(x => x.InnovationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ExhibitionId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.ExhibitionId, x.InnovationId }).IsUnique();
        b.HasIndex(x => x.InnovationId);
    }
}

internal sealed class ExhibitionBoothVisitEntityTypeConfiguration : IEntityTypeConfiguration<ExhibitionBoothVisit>
{
    public void Configure(EntityTypeBuilder<ExhibitionBoothVisit> b)
    {
        b.ToTable("exhibition_booth_visits");
        b.HasKey(x => new { x.BoothId, x.Day });
        b.HasOne<ExhibitionBooth>().WithMany().HasForeignKey(x => x.BoothId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExhibitionVoteEntityTypeConfiguration : IEntityTypeConfiguration<ExhibitionVote>
{
    public void Configure(EntityTypeBuilder<ExhibitionVote> b)
    {
        b.ToTable("exhibition_votes");
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.IpHash).HasMaxLength(16);
        b.HasOne<Exhibition>().WithMany().HasForeignKey(x => x.ExhibitionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ExhibitionBooth>().WithMany().HasForeignKey(x => x.BoothId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Kovablik.Accounts.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        // The rule itself: one vote per person per innovation per exhibition, whatever the application does.
        b.HasIndex(x => new { x.ExhibitionId, x.InnovationId, x.UserId }).IsUnique();
        // The per-person count under the lock; leading with UserId it also serves the foreign key, so the busiest
        // insert maintains one index fewer.
        b.HasIndex(x => new { x.UserId, x.ExhibitionId });
        b.HasIndex(x => x.BoothId);
    }
}

internal sealed class VisitorCodeEntityTypeConfiguration : IEntityTypeConfiguration<VisitorCode>
{
    public void Configure(EntityTypeBuilder<VisitorCode> b)
    {
        b.ToTable("visitor_codes");
        b.Property(x => x.Email).HasMaxLength(256).IsRequired();
        b.Property(x => x.Salt).HasMaxLength(32).IsRequired();
        b.Property(x => x.CodeHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.IpHash).HasMaxLength(16);
        b.HasIndex(x => new { x.Email, x.CreatedAt });
        b.HasIndex(x => new { x.IpHash, x.CreatedAt });
    }
}
