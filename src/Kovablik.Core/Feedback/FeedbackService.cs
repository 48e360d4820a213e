using System.Data.Common;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Notifications;
using Kovablik.Organisations;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Feedback;

public sealed record CommentInput(string? Kind, string? Body);

public sealed record ReportInput(string? Reason, string? Note);

public sealed record ModerationInput(string? Reason, string? Note);

public sealed record ReportOutcome(long CommentId, bool AutoHidden);

public sealed record ReplyView(long Id, string Body, int OrganisationId, string OrganisationName, string AuthorName, DateTimeOffset CreatedAt);

/// <summary>A comment as a reader sees it: the author's display name only, never the email address.</summary>
public sealed record CommentView(long Id, int InnovationId, CommentKind Kind, string Body, CommentStatus Status, ModerationReason? HiddenReason,
    string AuthorName, bool IsOwn, DateTimeOffset CreatedAt, IReadOnlyList<ReplyView> Replies);

public sealed record CommentThread(int InnovationId, int PublishedCount, int Page, bool HasMore, IReadOnlyList<CommentView> Comments);

public sealed record QueueItem(long Id, int InnovationId, string InnovationName, CommentKind Kind, string Body, CommentStatus Status,
    string AuthorName, string? AuthorEmail, int ReportCount, int NewReports, string? FilterFindings, DateTimeOffset CreatedAt);

public sealed record ReportView(ModerationReason Reason, string? Note, string ReporterName, DateTimeOffset CreatedAt);

public sealed record DecisionView(ModerationAction Action, ModerationReason? Reason, string? Note, string? ModeratorName, DateTimeOffset CreatedAt);

public sealed record ModerationCase(QueueItem Comment, ModerationReason? HiddenReason, IReadOnlyList<ReportView> Reports, IReadOnlyList<DecisionView> Decisions);

/// <summary>
/// Public feedback on published innovations: comments and questions by verified persons, official replies by the
/// innovating unit (scope checked here), reports with auto-hide, and the moderators' decisions. Every entity is
/// audited by <see cref="KovablikDbContext"/>; notices are written in the same transaction as the change.
/// </summary>
public sealed class FeedbackService(KovablikDbContext db, NotificationService notifications, FeedbackOptions options, ContentFilter filter)
{
    public const string TooManyMessage = "Anda mengirim terlalu banyak komentar. Tunggu satu menit lalu coba lagi.";
    public const string HeldMessage = "Terima kasih. Komentar Anda menunggu moderasi sebelum tampil untuk publik.";
    public const string VisitorName = "Pengunjung";
    public const int PageSize = 30;

    public FeedbackOptions Options => options;

    // ---------------------------------------------------------------- reading

    /// <summary>
    /// The public thread of an innovation, newest first: published comments, plus the viewer's own held or hidden
    /// ones (marked, with the reason). Null when the innovation is not published.
    /// </summary>
    public async Task<CommentThread?> ThreadAsync(int innovationId, string? viewerId, int page = 1, CancellationToken ct = default) =>
        await ThreadAsync(innovationId, viewerId, page, await db.Innovations.AnyAsync(i => i.Id == innovationId && i.Status == InnovationStatus.Published, ct), ct);

    /// <param name="isPublished">Whether the innovation is published, when the caller has just read it (the innovation page).</param>
    public async Task<CommentThread?> ThreadAsync(int innovationId, string? viewerId, int page, bool isPublished, CancellationToken ct)
    {
        if (!isPublished) return null;
        page = Math.Max(1, page);
        var query = db.Comments.AsNoTracking().Where(c => c.InnovationId == innovationId
            && (c.Status == CommentStatus.Published || (viewerId != null && c.AuthorId == viewerId)));
        var rows = await ViewsAsync(query.OrderByDescending(c => c.Id).Skip((page - 1) * PageSize).Take(PageSize + 1), innovationId, viewerId, PageSize + 1, ct);
        // The innovation page renders this on every view: on a first page that holds everything, count what was read.
        var published = page == 1 && rows.Count <= PageSize
            ? rows.Count(r => r.Status == CommentStatus.Published)
            : await db.Comments.CountAsync(c => c.InnovationId == innovationId && c.Status == CommentStatus.Published, ct);
        return new CommentThread(innovationId, published, page, rows.Count > PageSize, rows.Take(PageSize).ToList());
    }

    private async Task<List<CommentView>> ViewsAsync(IQueryable<Comment> comments, int innovationId, string? viewerId, int take, CancellationToken ct)
    {
        var rows = await comments
            .Select(c => new
            {
                c.Id, c.Kind, c.Body, c.Status, c.HiddenReason, c.AuthorId, c.CreatedAt,
                Name = db.Users.Where(u => u.Id == c.AuthorId).Select(u => u.FullName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // Replies only for the comments shown (the page asks for one more row to know whether there is a next page).
        var ids = rows.Take(Math.Min(take, PageSize)).Select(r => r.Id).ToList();
        var replies = ids.Count == 0 ? [] : await db.CommentReplies.AsNoTracking().Where(r => ids.Contains(r.CommentId)).OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.CommentId, r.Body, r.OrganisationId, r.CreatedAt,
                Org = db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Name = db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.FullName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var byComment = replies.ToLookup(r => r.CommentId, r => new ReplyView(r.Id, r.Body, r.OrganisationId, r.Org ?? "", NameOf(r.Name), r.CreatedAt));
        return rows.Select(r => new CommentView(r.Id, innovationId, r.Kind, r.Body, r.Status,
            r.Status == CommentStatus.Hidden ? r.HiddenReason : null, NameOf(r.Name), viewerId != null && r.AuthorId == viewerId, r.CreatedAt,
            byComment[r.Id].ToList())).ToList();
    }

    /// <summary>One published comment of a published innovation, with its replies (reply and report pages).</summary>
    public async Task<CommentView?> PublicCommentAsync(long commentId, CancellationToken ct = default)
    {
        var innovationId = await db.Comments.Where(c => c.Id == commentId && c.Status == CommentStatus.Published)
            .Join(db.Innovations.Where(i => i.Status == InnovationStatus.Published), c => c.InnovationId, i => i.Id, (c, i) => (int?)i.Id)
            .FirstOrDefaultAsync(ct);
        if (innovationId is null) return null;
        var views = await ViewsAsync(db.Comments.AsNoTracking().Where(c => c.Id == commentId), innovationId.Value, null, 1, ct);
        return views.SingleOrDefault();
    }

    /// <summary>Whether a unit scope may answer comments on the innovation (the page shows reply forms only then).</summary>
    public async Task<bool> CanReplyAsync(int innovationId, OrganisationScope scope, CancellationToken ct = default)
    {
        if (scope.IsGlobal) return true;
        if (scope.Path is null) return false;
        var path = await db.Innovations.Where(i => i.Id == innovationId).Select(i => i.Organisation.Path).FirstOrDefaultAsync(ct);
        return path is not null && scope.Covers(path);
    }

    /// <summary>
    /// What moderators must look at, oldest first: comments held by the filter, and comments with reports no
    /// moderator has seen yet (auto-hidden or still visible).
    /// </summary>
    public async Task<List<QueueItem>> QueueAsync(int take = 200, CancellationToken ct = default) =>
        [.. (await Items(db.Comments.AsNoTracking().Where(c => c.Status == CommentStatus.Held || c.ReportCount > c.ReviewedReportCount)
            .OrderBy(c => c.Id).Take(take)).ToListAsync(ct)).OrderBy(c => c.Id)];

    /// <summary>Comments currently hidden (by moderators or by reports), newest first.</summary>
    public async Task<List<QueueItem>> HiddenAsync(int take = 100, CancellationToken ct = default) =>
        [.. (await Items(db.Comments.AsNoTracking().Where(c => c.Status == CommentStatus.Hidden)
            .OrderByDescending(c => c.Id).Take(take)).ToListAsync(ct)).OrderByDescending(c => c.Id)];

    public async Task<ModerationCase?> CaseAsync(long commentId, CancellationToken ct = default)
    {
        var item = await Items(db.Comments.AsNoTracking().Where(c => c.Id == commentId)).FirstOrDefaultAsync(ct);
        if (item is null) return null;
        var hidden = await db.Comments.Where(c => c.Id == commentId).Select(c => c.HiddenReason).FirstAsync(ct);
        var reports = await db.CommentReports.AsNoTracking().Where(r => r.CommentId == commentId).OrderBy(r => r.Id)
            .Select(r => new { r.Reason, r.Note, r.CreatedAt, Name = db.Users.Where(u => u.Id == r.ReporterId).Select(u => u.FullName).FirstOrDefault() })
            .ToListAsync(ct);
        var decisions = await db.ModerationDecisions.AsNoTracking().Where(d => d.CommentId == commentId).OrderBy(d => d.Id)
            .Select(d => new { d.Action, d.Reason, d.Note, d.CreatedAt, Name = db.Users.Where(u => u.Id == d.ModeratorId).Select(u => u.FullName).FirstOrDefault() })
            .ToListAsync(ct);
        return new ModerationCase(item, hidden,
            reports.Select(r => new ReportView(r.Reason, r.Note, NameOf(r.Name), r.CreatedAt)).ToList(),
            decisions.Select(d => new DecisionView(d.Action, d.Reason, d.Note, d.Name, d.CreatedAt)).ToList());
    }

    /// <summary>Projects comments (already filtered, ordered and limited: a constructed record cannot be ordered in SQL).</summary>
    private IQueryable<QueueItem> Items(IQueryable<Comment> comments) =>
        from c in comments
        join i in db.Innovations on c.InnovationId equals i.Id
        join u in db.Users on c.AuthorId equals u.Id into authors
        from u in authors.DefaultIfEmpty()
        select new QueueItem(c.Id, c.InnovationId, i.Name, c.Kind, c.Body, c.Status, u == null ? "" : u.FullName, u == null ? null : u.Email,
            c.ReportCount, c.ReportCount - c.ReviewedReportCount, c.FilterFindings, c.CreatedAt);

    private static string NameOf(string? fullName) => string.IsNullOrWhiteSpace(fullName) ? VisitorName : fullName;

    // ---------------------------------------------------------------- writing

    public async Task<Result<Comment>> PostAsync(int innovationId, string authorId, CommentInput input, CancellationToken ct = default)
    {
        var innovation = await db.Innovations.AsNoTracking().Where(i => i.Id == innovationId && i.Status == InnovationStatus.Published)
            .Select(i => new { i.Id, i.Name, i.OrganisationId }).FirstOrDefaultAsync(ct);
        if (innovation is null) return Result<Comment>.NotFound();

        var errors = new ErrorBag();
        var kind = ParseKind(input.Kind);
        if (kind is null) errors.Add(nameof(input.Kind), "Pilih jenis: komentar atau pertanyaan.");
        var body = CheckText(input.Body, nameof(input.Body), errors);
        if (errors.Any) return errors.ToResult<Comment>();

        var now = db.Time.GetUtcNow();
        if (await RecentPostsAsync(authorId, now, ct) >= options.PerAccountPerMinute) return Result<Comment>.Invalid("", TooManyMessage);
        var since = now.AddMinutes(-10);
        if (await db.Comments.AnyAsync(c => c.AuthorId == authorId && c.InnovationId == innovationId && c.Body == body && c.CreatedAt >= since, ct))
            return Result<Comment>.Invalid(nameof(input.Body), "Komentar yang sama baru saja Anda kirim.");

        var verdict = filter.Check(body!);
        var comment = new Comment
        {
            InnovationId = innovationId,
            AuthorId = authorId,
            Kind = kind!.Value,
            Body = body!,
            Status = verdict.Hold ? CommentStatus.Held : CommentStatus.Published,
            FilterFindings = verdict.Stored,
            CreatedAt = now,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        if (comment.Status == CommentStatus.Published && comment.Kind == CommentKind.Question)
        {
            await NotifyQuestionAsync(comment, innovation.Name, innovation.OrganisationId, ct);
            await db.SaveChangesAsync(ct);
        }
        return Result<Comment>.Ok(comment);
    }

    /// <summary>
    /// An official answer of the innovating unit. <paramref name="scope"/> is the replier's organisation scope as a
    /// unit operator or head (<see cref="OrganisationScope.Nothing"/> for anyone else): it must cover the innovation.
    /// </summary>
    public async Task<Result<CommentReply>> ReplyAsync(long commentId, string userId, OrganisationScope scope, string? text, CancellationToken ct = default)
    {
        var target = await db.Comments.AsNoTracking().Where(c => c.Id == commentId)
            .Join(db.Innovations, c => c.InnovationId, i => i.Id, (c, i) => new
            {
                c.Id, c.Status, c.Kind, c.AuthorId, InnovationId = i.Id, i.Name, i.OrganisationId, i.Organisation.Path, OrganisationName = i.Organisation.Name, InnovationStatus = i.Status,
            })
            .FirstOrDefaultAsync(ct);
        if (target is null || target.InnovationStatus != InnovationStatus.Published) return Result<CommentReply>.NotFound();
        if (!scope.Covers(target.Path)) return Result<CommentReply>.Forbidden();
        if (target.Status != CommentStatus.Published)
            return Result<CommentReply>.Invalid("", "Hanya komentar yang tampil untuk publik yang dapat dijawab.");
        var errors = new ErrorBag();
        var body = CheckText(text, "Body", errors);
        if (errors.Any) return errors.ToResult<CommentReply>();
        var now = db.Time.GetUtcNow();
        if (await RecentPostsAsync(userId, now, ct) >= options.PerAccountPerMinute) return Result<CommentReply>.Invalid("", TooManyMessage);

        var reply = new CommentReply { CommentId = commentId, AuthorId = userId, OrganisationId = target.OrganisationId, Body = body!, CreatedAt = now };
        db.CommentReplies.Add(reply);
        if (target.AuthorId != userId)
            notifications.Add(await RecipientAsync(target.AuthorId, ct),
                target.Kind == CommentKind.Question
                    ? Message.Format("{0} menjawab pertanyaan Anda", target.OrganisationName)
                    : Message.Format("{0} menjawab komentar Anda", target.OrganisationName),
                Message.Format("Jawaban resmi unit tentang inovasi {0}.", target.Name),
                Link(target.InnovationId, commentId));
        await db.SaveChangesAsync(ct);
        return Result<CommentReply>.Ok(reply);
    }

    public async Task<Result<ReportOutcome>> ReportAsync(long commentId, string reporterId, ReportInput input, CancellationToken ct = default)
    {
        var target = await db.Comments.AsNoTracking().Where(c => c.Id == commentId && c.Status == CommentStatus.Published)
            .Select(c => new { c.Id, c.AuthorId }).FirstOrDefaultAsync(ct);
        if (target is null) return Result<ReportOutcome>.NotFound();
        var errors = new ErrorBag();
        var reason = ParseReason(input.Reason);
        if (reason is null) errors.Add(nameof(input.Reason), "Pilih alasan laporan.");
        var note = CheckNote(input.Note, reason == ModerationReason.Other, nameof(input.Note), errors);
        if (target.AuthorId == reporterId) errors.Add("", "Anda tidak dapat melaporkan komentar Anda sendiri.");
        if (errors.Any) return errors.ToResult<ReportOutcome>();
        if (await db.CommentReports.AnyAsync(r => r.CommentId == commentId && r.ReporterId == reporterId, ct))
            return Result<ReportOutcome>.Conflict(AlreadyReported);

        var now = db.Time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CommentReports.Add(new CommentReport { CommentId = commentId, ReporterId = reporterId, Reason = reason!.Value, Note = note, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // The same person's second click, a moment after the first: one report counts.
            return Result<ReportOutcome>.Conflict(AlreadyReported);
        }
        // An atomic increment (row lock on PostgreSQL, the write gate on SQLite): concurrent reports never lose a count,
        // so the Nth distinct reporter always sees N and the comment is hidden exactly once.
        await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReportCount, c => c.ReportCount + 1), ct);
        var comment = await db.Comments.SingleAsync(c => c.Id == commentId, ct);
        var hide = comment.Status == CommentStatus.Published && comment.ReportCount - comment.ReviewedReportCount >= options.AutoHideReports;
        if (hide)
        {
            comment.Status = CommentStatus.Hidden;
            comment.HiddenReason = reason;
            comment.ModeratedAt = now;
            db.ModerationDecisions.Add(new ModerationDecision { CommentId = commentId, Action = ModerationAction.AutoHide, Reason = reason, CreatedAt = now,
                Note = Message.Format("{0} laporan dari orang berbeda", comment.ReportCount) });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return Result<ReportOutcome>.Ok(new ReportOutcome(commentId, hide));
    }

    /// <summary>Publishes a held or hidden comment (or keeps a reported one) and marks its reports as seen.</summary>
    public async Task<Result<Comment>> ApproveAsync(long commentId, string moderatorId, string? note, CancellationToken ct = default)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null) return Result<Comment>.NotFound();
        var errors = new ErrorBag();
        var cleanNote = CheckNote(note, false, "Note", errors);
        if (errors.Any) return errors.ToResult<Comment>();
        var firstPublication = comment.Status == CommentStatus.Held;
        var now = db.Time.GetUtcNow();
        comment.Status = CommentStatus.Published;
        comment.HiddenReason = null;
        comment.ReviewedReportCount = comment.ReportCount;
        comment.ModeratedAt = now;
        db.ModerationDecisions.Add(new ModerationDecision { CommentId = commentId, ModeratorId = moderatorId, Action = ModerationAction.Approve, Note = cleanNote, CreatedAt = now });
        if (firstPublication && comment.Kind == CommentKind.Question)
        {
            var innovation = await db.Innovations.AsNoTracking().Where(i => i.Id == comment.InnovationId).Select(i => new { i.Name, i.OrganisationId }).FirstAsync(ct);
            await NotifyQuestionAsync(comment, innovation.Name, innovation.OrganisationId, ct);
        }
        await db.SaveChangesAsync(ct);
        return Result<Comment>.Ok(comment);
    }

    /// <summary>Hides a comment with a reason from the list (a note is required for "Lainnya"); the author is told why.</summary>
    public async Task<Result<Comment>> HideAsync(long commentId, string moderatorId, ModerationInput input, CancellationToken ct = default)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null) return Result<Comment>.NotFound();
        var errors = new ErrorBag();
        var reason = ParseReason(input.Reason);
        if (reason is null) errors.Add(nameof(input.Reason), "Pilih alasan penyembunyian.");
        var note = CheckNote(input.Note, reason == ModerationReason.Other, nameof(input.Note), errors);
        if (errors.Any) return errors.ToResult<Comment>();
        var now = db.Time.GetUtcNow();
        comment.Status = CommentStatus.Hidden;
        comment.HiddenReason = reason;
        comment.ReviewedReportCount = comment.ReportCount;
        comment.ModeratedAt = now;
        db.ModerationDecisions.Add(new ModerationDecision { CommentId = commentId, ModeratorId = moderatorId, Action = ModerationAction.Hide, Reason = reason, Note = note, CreatedAt = now });
        var innovationName = await db.Innovations.Where(i => i.Id == comment.InnovationId).Select(i => i.Name).FirstAsync(ct);
        notifications.Add(await RecipientAsync(comment.AuthorId, ct),
            Message.Format("{0} Anda disembunyikan moderator", Message.Key(FeedbackLabels.Display(comment.Kind))),
            note is null
                ? Message.Format("Tentang inovasi {0}. Alasan: {1}.", innovationName, Message.Key(FeedbackLabels.Display(reason!.Value)))
                : Message.Format("Tentang inovasi {0}. Alasan: {1}. Catatan moderator: {2}", innovationName, Message.Key(FeedbackLabels.Display(reason!.Value)), note),
            Link(comment.InnovationId, commentId));
        await db.SaveChangesAsync(ct);
        return Result<Comment>.Ok(comment);
    }

    // ---------------------------------------------------------------- helpers

    private const string AlreadyReported = "Anda sudah melaporkan komentar ini.";

    public static string Link(int innovationId, long comment) => $"/Inovasi/{innovationId}#komentar-{comment}";

    private async Task NotifyQuestionAsync(Comment comment, string innovationName, int organisationId, CancellationToken ct) =>
        await notifications.NotifyUnitAsync(organisationId,
            Message.Format("Pertanyaan baru tentang {0}", innovationName),
            Message.Format("Seorang pengunjung bertanya: {0}", Excerpt(comment.Body)),
            Link(comment.InnovationId, comment.Id), ct);

    private async Task<List<(string Id, string? Email)>> RecipientAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive).Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(ct);
        return user is null ? [] : [(user.Id, user.Email)];
    }

    private Task<int> RecentPostsAsync(string userId, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddMinutes(-1);
        return db.Comments.Where(c => c.AuthorId == userId && c.CreatedAt > since).Select(c => c.Id)
            .Concat(db.CommentReplies.Where(r => r.AuthorId == userId && r.CreatedAt > since).Select(r => r.Id))
            .CountAsync(ct);
    }

    private static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + " …";

    /// <summary>The text as written: line endings unified and the ends trimmed, nothing else changed.</summary>
    private string? CheckText(string? raw, string field, ErrorBag errors)
    {
        var text = (raw ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (text.Length == 0) errors.Add(field, "Isi wajib diisi.");
        else if (text.Length < options.MinLength) errors.Add(field, Message.Format("Tulis minimal {0} karakter.", options.MinLength));
        else if (text.Length > options.MaxLength) errors.Add(field, Message.Format("Maksimal {0:N0} karakter; tulisan Anda {1:N0} karakter.", options.MaxLength, text.Length));
        else if (text.Contains('\0', StringComparison.Ordinal)) errors.Add(field, "Teks tidak boleh berisi karakter NUL.");
        else return text;
        return null;
    }

    private string? CheckNote(string? raw, bool required, string field, ErrorBag errors)
    {
        var note = raw?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            if (required) errors.Add(field, "Jelaskan alasannya di catatan.");
            return null;
        }
        if (note.Length > options.MaxNoteLength) errors.Add(field, Message.Format("Catatan maksimal {0:N0} karakter.", options.MaxNoteLength));
        return note;
    }

    public static CommentKind? ParseKind(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "comment" or "komentar" or "1" => CommentKind.Comment,
        "question" or "pertanyaan" or "2" => CommentKind.Question,
        _ => null,
    };

    public static ModerationReason? ParseReason(string? value) =>
        Enum.TryParse<ModerationReason>(value?.Trim(), ignoreCase: true, out var r) && Enum.IsDefined(r) && !int.TryParse(value, out _) ? r : null;

    private static bool IsUniqueViolation(DbUpdateException e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is DbException { SqlState: "23505" }) return true;
            if (x is DbException d && x.GetType().Name == "SqliteException" && d.ErrorCode == 19) return true;
        }
        return false;
    }
}
