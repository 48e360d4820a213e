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
/// language. Any saved change to what those pages show evicts the whole set on this node; other nodes notice within
/// <see cref="Lifetime"/>.
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-page";
    public const string Tag = "catalogue";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

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

    /// <summary>After a save that touched innovations, their search index rows, awards, attachments, organisations or comments, drops the cached pages.</summary>
    private sealed class EvictOnSave(IOutputCacheStore store) : SaveChangesInterceptor
    {
        private static readonly ConditionalWeakTable<DbContext, object> Pending = [];

        /// <summary>Remembers, until the save completes, that this context is writing something the cached pages show.</summary>
        private static void Mark(DbContext? db)
        {
            if (db is not null && db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Relevant(e.Entity)))
                Pending.AddOrUpdate(db, true);
        }

        /// <summary>
        /// What the cached pages show. Votes, QR visits, visitor codes and reports are left out on purpose: they are
        /// the busiest writes and change none of these pages (a report that hides a comment saves the comment).
        /// </summary>
        public static bool Relevant(object entity) =>
            entity is Innovation or Kovablik.Search.InnovationSearchEntry or InnovationAward or Attachment or Organisation
                or Kovablik.Feedback.Comment or Kovablik.Feedback.CommentReply;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Mark(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } db && Pending.Remove(db))
                await store.EvictByTagAsync(Tag, CancellationToken.None);
            return result;
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Mark(eventData.Context);
            return result;
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            if (eventData.Context is { } db && Pending.Remove(db))
                store.EvictByTagAsync(Tag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return result;
        }
    }
}
