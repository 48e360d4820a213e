using System.Globalization;
using System.Runtime.CompilerServices;
using Kovablik.Competitions.Awards;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kovablik.Web.Infrastructure;

/// <summary>
/// Output cache for public pages read far more often than they change (an innovation's page in an exhibition hall).
/// Only anonymous requests are cached (the default policy skips signed-in users and responses that set cookies), per
/// language. A saved change to what those pages show evicts the whole set on this node (a comment only its innovation's
/// page); other nodes notice within <see cref="Lifetime"/>.
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-page";
    public const string Tag = "catalogue";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>The tag of one innovation's own page, so a comment on it leaves the other cached pages alone.</summary>
    public static string InnovationTag(int id) => "innovation-" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Marks the response being cached as showing this innovation's comments.</summary>
    public static void TagInnovation(HttpContext http, int id) => http.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(InnovationTag(id));

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 256L * 1024 * 1024;
            o.AddPolicy(Policy, b => b.Expire(Lifetime).SetVaryByRouteValue("id").SetVaryByQuery("*")
                .VaryByValue(_ => new KeyValuePair<string, string>("lang", CultureInfo.CurrentUICulture.Name)).Tag(Tag));
        });
        services.AddSingleton<ISaveChangesInterceptor, EvictOnSave>();
        return services;
    }

    /// <summary>
    /// After a save that touched innovations, their search index rows, awards, attachments or organisations, drops the
    /// cached pages; after one that touched only comments and replies, drops only those innovations' pages (a hall
    /// comments all day and the units answer, and each used to send every booth's page back to the database).
    /// </summary>
    private sealed class EvictOnSave(IOutputCacheStore store) : SaveChangesInterceptor
    {
        private static readonly ConditionalWeakTable<DbContext, HashSet<int>> Pending = [];

        /// <summary>Stands for "every cached page" in <see cref="Pending"/>.</summary>
        private static readonly HashSet<int> Everything = [];

        /// <summary>Remembers, until the save completes, what this context is writing that the cached pages show.</summary>
        private static async ValueTask MarkAsync(DbContext? db, CancellationToken ct)
        {
            if (db is null) return;
            HashSet<int>? innovations = null;
            foreach (var e in db.ChangeTracker.Entries().ToList())
            {
                if (ReferenceEquals(innovations, Everything)) break;
                if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !Relevant(e.Entity)) continue;
                var innovation = e.Entity switch
                {
                    Kovablik.Feedback.Comment comment => comment.InnovationId,
                    Kovablik.Feedback.CommentReply reply => await InnovationOfAsync(db, reply.CommentId, ct),
                    _ => 0,
                };
                if (innovation > 0) (innovations ??= []).Add(innovation);
                else innovations = Everything;
            }
            if (innovations is not null) Pending.AddOrUpdate(db, innovations);
        }

        /// <summary>A reply does not carry its innovation: the comment it answers does (tracked, or one key lookup).</summary>
        private static async ValueTask<int> InnovationOfAsync(DbContext db, long commentId, CancellationToken ct) =>
            db.ChangeTracker.Entries<Kovablik.Feedback.Comment>().FirstOrDefault(c => c.Entity.Id == commentId)?.Entity.InnovationId
            ?? await db.Set<Kovablik.Feedback.Comment>().AsNoTracking().Where(c => c.Id == commentId).Select(c => c.InnovationId).FirstOrDefaultAsync(ct);

        /// <summary>
        /// What the cached pages show. Votes, QR visits, visitor codes and reports are left out on purpose: they are
        /// the busiest writes and change none of these pages (a report that hides a comment saves the comment).
        /// </summary>
        public static bool Relevant(object entity) =>
            entity is Innovation or Kovablik.Search.InnovationSearchEntry or InnovationAward or Attachment or Organisation
                or Kovablik.Feedback.Comment or Kovablik.Feedback.CommentReply;

        private async ValueTask EvictAsync(DbContext db)
        {
            if (!Pending.TryGetValue(db, out var innovations) || !Pending.Remove(db)) return;
            if (ReferenceEquals(innovations, Everything))
                await store.EvictByTagAsync(Tag, CancellationToken.None);
            else
                foreach (var id in innovations) await store.EvictByTagAsync(InnovationTag(id), CancellationToken.None);
        }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await MarkAsync(eventData.Context, cancellationToken);
            return result;
        }

        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } db) await EvictAsync(db);
            return result;
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            // Synchronous saves carry only data-protection keys (KovablikDbContext.SaveChanges), never a reply.
            MarkAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return result;
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            if (eventData.Context is { } db) EvictAsync(db).AsTask().GetAwaiter().GetResult();
            return result;
        }
    }
}
