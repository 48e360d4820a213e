using Kovablik.Data;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Organisations.Import;

/// <summary>
/// Writes an import plan to the database in one transaction, in batches. A file with any invalid row
/// writes nothing unless only the valid rows are asked for.
/// </summary>
/// <remarks>
/// The importer owns the context for the duration of the call: it loads the organisation tree tracked
/// and clears the change tracker when it finishes, whatever the outcome.
/// </remarks>
public sealed class OrganisationImporter(KovablikDbContext db)
{
    /// <summary>Rows per SaveChanges: big enough to keep round trips few, small enough for visible progress.</summary>
    public const int BatchSize = 1000;

    public async Task<ImportReport> ApplyAsync(
        OrganisationImportPlan plan,
        bool onlyValidRows,
        IProgress<(int Done, int Total)>? progress = null,
        CancellationToken ct = default)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var all = await db.Organisations.ToListAsync(ct);
            // The plan may be minutes old (the user looked at it before confirming); decide again against
            // what is in the database now, inside the transaction, so a stale plan cannot corrupt the tree.
            var fresh = OrganisationImportValidator.Plan(
                [.. plan.Rows.Select(r => r.Row)],
                [.. all.Select(o => new ExistingOrganisation(o.Id, o.Code, o.Name, o.Type, o.ParentId, o.IsActive))]);

            if (fresh.HasErrors && !onlyValidRows)
            {
                return new ImportReport
                {
                    Applied = false,
                    Skipped = fresh.Rows.Count,
                    Errors = [.. fresh.Errors, .. fresh.Blocked],
                    Message = Message.Format(
                        "Berkas berisi {0:N0} baris bermasalah, jadi tidak ada yang diimpor. Perbaiki berkas lalu unggah ulang, atau pilih impor baris yang valid saja.",
                        fresh.ErrorCount),
                };
            }

            var (created, updated) = await WriteAsync(fresh, all, progress, ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return new ImportReport
            {
                Applied = true,
                Created = created,
                Updated = updated,
                Unchanged = fresh.Rows.Count(r => r.Action == ImportAction.Unchanged && r.SkipReason is null),
                Skipped = fresh.Rows.Count(r => r.Action == ImportAction.Error || r.SkipReason is not null),
                Errors = [.. fresh.Errors, .. fresh.Blocked],
            };
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refused("Data organisasi diubah orang lain saat impor berjalan. Tidak ada yang diimpor; ulangi impor.", plan);
        }
        catch (DbUpdateException)
        {
            return Refused("Basis data menolak perubahan (misalnya kode yang sama baru saja ditambahkan orang lain). Tidak ada yang diimpor; ulangi impor.", plan);
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static ImportReport Refused(string message, OrganisationImportPlan plan) =>
        new() { Applied = false, Skipped = plan.Rows.Count, Message = message };

    private async Task<(int Created, int Updated)> WriteAsync(
        OrganisationImportPlan plan,
        List<Organisation> all,
        IProgress<(int Done, int Total)>? progress,
        CancellationToken ct)
    {
        var byId = all.ToDictionary(o => o.Id);
        var creates = plan.Rows.Where(r => r.WillApply && r.Action == ImportAction.Create).ToList();
        var updates = plan.Rows.Where(r => r.WillApply && r.Action == ImportAction.Update).ToList();
        var total = creates.Count + updates.Count;
        var done = 0;
        progress?.Report((0, total));

        var moved = new List<Organisation>();
        var movesUnderNewRows = new List<(Organisation Org, int ParentRow)>();
        foreach (var batch in updates.Chunk(BatchSize))
        {
            foreach (var row in batch)
            {
                var org = byId[row.ExistingId!.Value];
                org.Name = row.Name;
                org.Type = row.Type;
                org.SearchText = OrganisationService.MakeSearchText(org.Code, org.Name);
                if (row.ParentKey == org.ParentId) continue;
                if (row.ParentKey > 0)
                {
                    org.ParentId = row.ParentKey;
                    moved.Add(org);
                }
                else
                {
                    movesUnderNewRows.Add((org, row.ParentRowIndex!.Value));
                }
            }
            await SaveAsync(ct);
            done += batch.Length;
            progress?.Report((done, total));
        }

        // Parents before children: a row's id must exist before its children can point at it.
        var createdByRow = new Dictionary<int, Organisation>();
        foreach (var level in CreateLevels(plan, creates))
        {
            foreach (var batch in level.Chunk(BatchSize))
            {
                var added = new List<(Organisation Org, Organisation Parent)>(batch.Length);
                foreach (var row in batch)
                {
                    var parent = row.ParentKey > 0 ? byId[row.ParentKey.Value] : createdByRow[row.ParentRowIndex!.Value];
                    var org = new Organisation
                    {
                        Code = row.Code,
                        Name = row.Name,
                        Type = row.Type,
                        ParentId = parent.Id,
                        SearchText = OrganisationService.MakeSearchText(row.Code, row.Name),
                        // Provisional until the database hands out the id; fixed right after the insert.
                        Path = parent.Path,
                        Depth = parent.Depth + 1,
                    };
                    db.Organisations.Add(org);
                    added.Add((org, parent));
                    createdByRow[row.Index] = org;
                }
                // Also flushes the previous batch's path fix-ups, so each batch costs one save.
                await SaveAsync(ct);
                foreach (var (org, parent) in added)
                {
                    org.Path = $"{parent.Path}{org.Id}/";
                    byId[org.Id] = org;
                }
                done += batch.Length;
                progress?.Report((done, total));
            }
        }

        foreach (var (org, parentRow) in movesUnderNewRows)
        {
            org.ParentId = createdByRow[parentRow].Id;
            moved.Add(org);
        }
        RecomputePaths(byId, [.. moved, .. createdByRow.Values]);
        await SaveAsync(ct);
        progress?.Report((total, total));
        return (creates.Count, updates.Count);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        // Audit rows are write-once; keeping thousands tracked would only slow every later change detection.
        foreach (var entry in db.ChangeTracker.Entries<AuditEntry>().ToList())
            entry.State = EntityState.Detached;
    }

    /// <summary>Groups new rows by how many new rows sit above them in the file (0 = parent already exists).</summary>
    private static List<List<OrganisationImportPlanRow>> CreateLevels(OrganisationImportPlan plan, List<OrganisationImportPlanRow> creates)
    {
        var levelOf = new Dictionary<int, int>();
        var levels = new List<List<OrganisationImportPlanRow>>();
        var chain = new Stack<OrganisationImportPlanRow>();
        foreach (var row in creates)
        {
            var current = row;
            while (!levelOf.ContainsKey(current.Index))
            {
                chain.Push(current);
                if (current.ParentRowIndex is not int p || plan.Rows[p].Action != ImportAction.Create) break;
                current = plan.Rows[p];
            }
            while (chain.TryPop(out var r))
            {
                var level = r.ParentRowIndex is int p && levelOf.TryGetValue(p, out var parentLevel) ? parentLevel + 1 : 0;
                levelOf[r.Index] = level;
                while (levels.Count <= level) levels.Add([]);
                levels[level].Add(r);
            }
        }
        return levels;
    }

    /// <summary>
    /// Rebuilds Path and Depth below every moved or created node from the final parent links. Nodes outside
    /// those subtrees keep their (correct) paths, so untouched parts of the tree see no writes.
    /// </summary>
    private static void RecomputePaths(Dictionary<int, Organisation> byId, List<Organisation> starts)
    {
        if (starts.Count == 0) return;
        var children = byId.Values.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value);
        var affected = new HashSet<int>();
        var queue = new Queue<Organisation>(starts);
        while (queue.TryDequeue(out var node))
        {
            if (!affected.Add(node.Id)) continue;
            foreach (var child in children[node.Id]) queue.Enqueue(child);
        }

        var done = new HashSet<int>();
        var chain = new Stack<Organisation>();
        foreach (var id in affected)
        {
            var current = byId[id];
            while (affected.Contains(current.Id) && !done.Contains(current.Id) && chain.Count <= affected.Count)
            {
                chain.Push(current);
                if (current.ParentId is not int parentId) break;
                current = byId[parentId];
            }
            while (chain.TryPop(out var node))
            {
                var parent = node.ParentId is int pid ? byId[pid] : null;
                var path = $"{parent?.Path ?? "/"}{node.Id}/";
                var depth = parent is null ? 0 : parent.Depth + 1;
                if (node.Path != path) node.Path = path;
                if (node.Depth != depth) node.Depth = depth;
                done.Add(node.Id);
            }
        }
    }
}
