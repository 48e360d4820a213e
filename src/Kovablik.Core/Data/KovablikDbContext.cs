using System.Text.Json;
using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Proposals;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Platform;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kovablik.Data;

/// <summary>
/// The one DbContext. Provider-specific subclasses (<see cref="SqliteKovablikDbContext"/>,
/// <see cref="PostgresKovablikDbContext"/>) exist only so each provider keeps its own migration set.
/// </summary>
public abstract class KovablikDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    private readonly IAuditContext _audit;
    private readonly TimeProvider _time;

    protected KovablikDbContext(DbContextOptions options, IAuditContext? audit = null, TimeProvider? time = null)
        : base(options)
    {
        _audit = audit ?? SystemAuditContext.Instance;
        _time = time ?? TimeProvider.System;
    }

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Innovation> Innovations => Set<Innovation>();
    public DbSet<InnovationVersion> InnovationVersions => Set<InnovationVersion>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<SdgGoal> SdgGoals => Set<SdgGoal>();
    public DbSet<TargetGroup> TargetGroups => Set<TargetGroup>();
    public DbSet<Edition> Editions => Set<Edition>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalDocument> ProposalDocuments => Set<ProposalDocument>();
    public DbSet<ProposalLink> ProposalLinks => Set<ProposalLink>();
    public DbSet<ProposalFingerprint> ProposalFingerprints => Set<ProposalFingerprint>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<DeadlineExtension> DeadlineExtensions => Set<DeadlineExtension>();
    public DbSet<ReminderDispatch> ReminderDispatches => Set<ReminderDispatch>();
    public DbSet<Kovablik.Notifications.Notification> Notifications => Set<Kovablik.Notifications.Notification>();
    public DbSet<Kovablik.Competitions.Awards.InnovationAward> InnovationAwards => Set<Kovablik.Competitions.Awards.InnovationAward>();
    public DbSet<Kovablik.Feedback.Comment> Comments => Set<Kovablik.Feedback.Comment>();
    public DbSet<Kovablik.Feedback.CommentReply> CommentReplies => Set<Kovablik.Feedback.CommentReply>();
    public DbSet<Kovablik.Feedback.CommentReport> CommentReports => Set<Kovablik.Feedback.CommentReport>();
    public DbSet<Kovablik.Feedback.ModerationDecision> ModerationDecisions => Set<Kovablik.Feedback.ModerationDecision>();
    public DbSet<Kovablik.Exhibitions.Exhibition> Exhibitions => Set<Kovablik.Exhibitions.Exhibition>();
    public DbSet<Kovablik.Exhibitions.ExhibitionBooth> ExhibitionBooths => Set<Kovablik.Exhibitions.ExhibitionBooth>();
    public DbSet<Kovablik.Exhibitions.ExhibitionBoothVisit> ExhibitionBoothVisits => Set<Kovablik.Exhibitions.ExhibitionBoothVisit>();
    public DbSet<Kovablik.Exhibitions.ExhibitionVote> ExhibitionVotes => Set<Kovablik.Exhibitions.ExhibitionVote>();
    public DbSet<Kovablik.Exhibitions.VisitorCode> VisitorCodes => Set<Kovablik.Exhibitions.VisitorCode>();
    public DbSet<Kovablik.Competitions.Judging.JudgingStage> JudgingStages => Set<Kovablik.Competitions.Judging.JudgingStage>();
    public DbSet<Kovablik.Competitions.Judging.Juror> Jurors => Set<Kovablik.Competitions.Judging.Juror>();
    public DbSet<Kovablik.Competitions.Judging.ConflictDeclaration> ConflictDeclarations => Set<Kovablik.Competitions.Judging.ConflictDeclaration>();
    public DbSet<Kovablik.Competitions.Judging.JurorAssignment> JurorAssignments => Set<Kovablik.Competitions.Judging.JurorAssignment>();
    public DbSet<Kovablik.Competitions.Judging.JurorScore> JurorScores => Set<Kovablik.Competitions.Judging.JurorScore>();
    public DbSet<Kovablik.Competitions.Judging.PlenaryDecision> PlenaryDecisions => Set<Kovablik.Competitions.Judging.PlenaryDecision>();
    public DbSet<Kovablik.Competitions.Judging.StageResult> StageResults => Set<Kovablik.Competitions.Judging.StageResult>();
    public DbSet<Kovablik.Competitions.Judging.Schedule.PresentationSlot> PresentationSlots => Set<Kovablik.Competitions.Judging.Schedule.PresentationSlot>();
    public DbSet<Kovablik.Competitions.Judging.Schedule.FieldVisit> FieldVisits => Set<Kovablik.Competitions.Judging.Schedule.FieldVisit>();
    public DbSet<Kovablik.Competitions.Judging.Schedule.FieldVisitPhoto> FieldVisitPhotos => Set<Kovablik.Competitions.Judging.Schedule.FieldVisitPhoto>();
    public DbSet<Kovablik.Competitions.Judging.Scoring.ScoringReminder> ScoringReminders => Set<Kovablik.Competitions.Judging.Scoring.ScoringReminder>();
    public DbSet<Kovablik.Competitions.Judging.Awards.EditionAwardTier> EditionAwardTiers => Set<Kovablik.Competitions.Judging.Awards.EditionAwardTier>();
    public DbSet<Kovablik.Competitions.Judging.Awards.EditionAwardAdjustment> EditionAwardAdjustments => Set<Kovablik.Competitions.Judging.Awards.EditionAwardAdjustment>();
    public DbSet<Kovablik.Competitions.Judging.Awards.EditionAwardGrant> EditionAwardGrants => Set<Kovablik.Competitions.Judging.Awards.EditionAwardGrant>();
    public DbSet<Kovablik.Competitions.Judging.Awards.Certificate> Certificates => Set<Kovablik.Competitions.Judging.Awards.Certificate>();
    public DbSet<Kovablik.Competitions.Judging.Results.Objection> JudgingObjections => Set<Kovablik.Competitions.Judging.Results.Objection>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Kovablik.Search.InnovationSearchEntry> InnovationSearch => Set<Kovablik.Search.InnovationSearchEntry>();
    public DbSet<Kovablik.Search.SearchIndexVersion> SearchIndexVersions => Set<Kovablik.Search.SearchIndexVersion>();
    public DbSet<InnovationPage> InnovationPages => Set<InnovationPage>();
    public DbSet<BackgroundJob> BackgroundJobs => Set<BackgroundJob>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public TimeProvider Time => _time;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KovablikDbContext).Assembly);
    }

    /// <summary>
    /// Synchronous saves exist only for framework code (the data-protection key ring). They may not touch
    /// audited entities, so nothing can bypass the audit log through this path.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var now = _time.GetUtcNow();
        StampAndGuard(now);
        if (CollectAudit().Count > 0)
            throw new NotSupportedException("Audited entities must be saved with SaveChangesAsync.");
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The search index row commits with the innovation it describes.
        var searchChanged = await Kovablik.Search.InnovationSearchIndex.SyncAsync(this, cancellationToken);
        try
        {
            return await SaveChangesCoreAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            // Again after the write, so a search cached between the index change and its commit is dropped too.
            if (searchChanged) Kovablik.Search.SearchResultCache.CatalogueChanged();
        }
    }

    private async Task<int> SaveChangesCoreAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        StampAndGuard(now);
        // The rendered public sections commit with the innovation version they were made from.
        await InnovationPageRenderer.SyncAsync(this, cancellationToken);
        var pending = CollectAudit();
        if (pending.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // Audit rows for inserts need the generated keys, so save twice inside one transaction.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var p in pending)
            {
                AuditEntries.Add(new AuditEntry
                {
                    At = now,
                    UserId = _audit.UserId,
                    UserName = _audit.UserName,
                    IpAddress = _audit.IpAddress,
                    Action = p.Action,
                    EntityType = p.EntityType,
                    EntityId = p.KeyFactory(),
                    ChangesJson = p.ChangesJson,
                });
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private void StampAndGuard(DateTimeOffset now)
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The audit log is append-only.");

            switch (entry.Entity)
            {
                case IVersioned v when entry.State is EntityState.Added or EntityState.Modified:
                    if (entry.State == EntityState.Added) v.CreatedAt = now;
                    v.UpdatedAt = now;
                    v.Version = Guid.NewGuid();
                    break;
                case AppUser u when entry.State == EntityState.Added && u.CreatedAt == default:
                    u.CreatedAt = now;
                    break;
            }
        }
    }

    private static readonly HashSet<string> SecretColumns =
    [
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
        nameof(Invitation.TokenHash), nameof(Organisation.Version), nameof(Innovation.Version), nameof(Proposal.SnapshotJson),
        nameof(Organisation.UpdatedAt), nameof(Organisation.CreatedAt), nameof(Kovablik.Exhibitions.Exhibition.IpSalt),
        // A counter the vote writer maintains, not an edit (the votes are their own record).
        nameof(Innovation.FavouriteVotes),
    ];

    private sealed record PendingAudit(string Action, string EntityType, Func<string> KeyFactory, string? ChangesJson);

    private List<PendingAudit> CollectAudit()
    {
        var list = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            var type = entry.Entity switch
            {
                Organisation => "Organisation",
                AppUser => "Account",
                Invitation => "Invitation",
                Innovation => "Innovation",
                Attachment => "Attachment",
                Edition => "Edition",
                Proposal => "Proposal",
                ProposalDocument => "ProposalDocument",
                ProposalLink => "ProposalLink",
                Announcement => "Announcement",
                DeadlineExtension => "DeadlineExtension",
                Kovablik.Competitions.Awards.InnovationAward => "InnovationAward",
                // Judging: every stage setting, pool change, declaration, assignment, score change (old and new
                // values), plenary decision and frozen result is evidence if a unit contests its score.
                Kovablik.Competitions.Judging.JudgingStage => "JudgingStage",
                Kovablik.Competitions.Judging.Juror => "Juror",
                Kovablik.Competitions.Judging.ConflictDeclaration => "ConflictDeclaration",
                Kovablik.Competitions.Judging.JurorAssignment => "JurorAssignment",
                Kovablik.Competitions.Judging.JurorScore => "JurorScore",
                Kovablik.Competitions.Judging.PlenaryDecision => "PlenaryDecision",
                Kovablik.Competitions.Judging.StageResult => "StageResult",
                IAudited a => a.GetType().Name,
                Kovablik.Feedback.Comment => "Comment",
                Kovablik.Feedback.CommentReply => "CommentReply",
                Kovablik.Feedback.CommentReport => "CommentReport",
                Kovablik.Feedback.ModerationDecision => "ModerationDecision",
                Kovablik.Exhibitions.Exhibition => "Exhibition",
                Kovablik.Exhibitions.ExhibitionBooth => "ExhibitionBooth",
                IdentityUserRole<string> => "AccountRole",
                IdentityRole => "Role",
                _ => null,
            };
            if (type is null) continue;

            var action = entry.State switch
            {
                EntityState.Added => "Create",
                EntityState.Deleted => "Delete",
                _ => "Update",
            };
            var changes = Describe(entry);
            if (action == "Update" && changes.Count == 0) continue;
            var captured = entry;
            // Keys of new rows are generated by the database, so read them after the first save.
            var key = action == "Create" ? null : KeyOf(entry);
            list.Add(new PendingAudit(action, type, () => key ?? KeyOf(captured), JsonSerializer.Serialize(changes)));
        }
        return list;
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return "";
        return string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static Dictionary<string, object?> Describe(EntityEntry entry)
    {
        var result = new Dictionary<string, object?>();
        // An edition's structure lives in owned JSON documents, which are not properties of the row: log the new value.
        if (entry.Entity is Edition or Proposal && entry.State == EntityState.Modified)
            foreach (var n in entry.Navigations)
                if (n.Metadata.TargetEntityType.IsOwned() && n.IsModified)
                    // Autosave rewrites a proposal's text every few seconds: log the shape (words per section), not
                    // another full copy of the text per keystroke pause. The text itself is the proposal row.
                    result[n.Metadata.Name] = n.CurrentValue is IEnumerable<ProposalSection> sections
                        ? sections.ToDictionary(x => x.Key, x => Kovablik.Competitions.Validation.IndonesianWordCounter.Count(x.Text))
                        : n.CurrentValue;
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (SecretColumns.Contains(name))
            {
                if (entry.State == EntityState.Modified && p.IsModified && name == nameof(AppUser.PasswordHash))
                    result[name] = "(changed)";
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    if (p.CurrentValue is not null) result[name] = p.CurrentValue;
                    break;
                case EntityState.Deleted:
                    result[name] = p.OriginalValue;
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    result[name] = new { old = p.OriginalValue, @new = p.CurrentValue };
                    break;
            }
        }
        return result;
    }
}
