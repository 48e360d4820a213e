using Kovablik.Feedback;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kovablik.Data.Configurations;

internal sealed class CommentEntityTypeConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        b.ToTable("comments");
        b.Property(c => c.AuthorId).HasMaxLength(450).IsRequired();
        // Validation allows 2,000 UTF-16 units; both databases count characters, which are never more.
        b.Property(c => c.Body).HasMaxLength(2000).IsRequired();
        b.Property(c => c.FilterFindings).HasMaxLength(1000);
        b.HasOne<Innovation>().WithMany().HasForeignKey(c => c.InnovationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Kovablik.Accounts.AppUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Replies).WithOne().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
        // The public thread: published comments of one innovation, newest first.
        b.HasIndex(c => new { c.InnovationId, c.Status, c.Id });
        // Per-account rate limit and the author's own comments.
        b.HasIndex(c => new { c.AuthorId, c.CreatedAt });
        // The moderators' queue: held ones, and ones with unseen reports.
        b.HasIndex(c => new { c.Status, c.ReportCount });
    }
}

internal sealed class CommentReplyEntityTypeConfiguration : IEntityTypeConfiguration<CommentReply>
{
    public void Configure(EntityTypeBuilder<CommentReply> b)
    {
        b.ToTable("comment_replies");
        b.Property(r => r.AuthorId).HasMaxLength(450).IsRequired();
        b.Property(r => r.Body).HasMaxLength(2000).IsRequired();
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Kovablik.Accounts.AppUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.CommentId);
        b.HasIndex(r => new { r.AuthorId, r.CreatedAt });
    }
}

internal sealed class CommentReportEntityTypeConfiguration : IEntityTypeConfiguration<CommentReport>
{
    public void Configure(EntityTypeBuilder<CommentReport> b)
    {
        b.ToTable("comment_reports");
        b.Property(r => r.ReporterId).HasMaxLength(450).IsRequired();
        b.Property(r => r.Note).HasMaxLength(500);
        b.HasOne<Comment>().WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Kovablik.Accounts.AppUser>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Restrict);
        // One report per person per comment, enforced by the database (a double click or a second tab counts once).
        b.HasIndex(r => new { r.CommentId, r.ReporterId }).IsUnique();
    }
}

internal sealed class ModerationDecisionEntityTypeConfiguration : IEntityTypeConfiguration<ModerationDecision>
{
    public void Configure(EntityTypeBuilder<ModerationDecision> b)
    {
        b.ToTable("moderation_decisions");
        b.Property(d => d.ModeratorId).HasMaxLength(450);
        b.Property(d => d.Note).HasMaxLength(1000);
        b.HasOne<Comment>().WithMany().HasForeignKey(d => d.CommentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Kovablik.Accounts.AppUser>().WithMany().HasForeignKey(d => d.ModeratorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.CommentId);
    }
}
