using Kovablik.Accounts;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kovablik.Data.Configurations;

internal sealed class AuditEntryEntityTypeConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(200);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

internal sealed class BackgroundJobEntityTypeConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> b)
    {
        b.ToTable("background_jobs");
        b.Property(j => j.Kind).HasMaxLength(64);
        b.Property(j => j.Message).HasMaxLength(2000);
    }
}

internal sealed class InvitationEntityTypeConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("invitations");
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.FullName).HasMaxLength(200);
        b.Property(i => i.Role).HasMaxLength(64);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
    }
}

internal sealed class AppUserEntityTypeConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(200);
        b.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationEntityTypeConfiguration : IEntityTypeConfiguration<Kovablik.Notifications.Notification>
{
    public void Configure(EntityTypeBuilder<Kovablik.Notifications.Notification> b)
    {
        b.ToTable("notifications");
        b.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        b.Property(n => n.Title).HasMaxLength(1000).IsRequired();
        b.Property(n => n.Body).HasMaxLength(8000).IsRequired();
        b.Property(n => n.Link).HasMaxLength(500);
        b.Property(n => n.EmailTo).HasMaxLength(256);
        b.HasIndex(n => new { n.UserId, n.ReadAt, n.Id });
        b.HasIndex(n => new { n.EmailState, n.Id });
    }
}
