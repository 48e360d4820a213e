using System.Globalization;
using System.Text;
using Kovablik.Data;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Organisations.Import;

/// <summary>The facts about an existing organisation the planner needs.</summary>
internal sealed record ExistingOrganisation(int Id, string? Code, string Name, OrganisationType Type, int? ParentId, bool IsActive);

/// <summary>
/// Decides, against the current database, what an import file would do row by row: create, update,
/// leave unchanged, or refuse (with an Indonesian reason). Writes nothing.
/// </summary>
public sealed class OrganisationImportValidator(KovablikDbContext db)
{
    private const string RootLocked = "Organisasi puncak (pemerintah provinsi tuan rumah) tidak dapat diubah lewat impor.";

    public async Task<OrganisationImportPlan> PlanAsync(IReadOnlyList<OrganisationImportRow> rows, CancellationToken ct = default)
    {
        var existing = await db.Organisations.AsNoTracking()
            .Select(o => new ExistingOrganisation(o.Id, o.Code, o.Name, o.Type, o.ParentId, o.IsActive))
            .ToListAsync(ct);
        return Plan(rows, existing);
    }

    internal static OrganisationImportPlan Plan(IReadOnlyList<OrganisationImportRow> rows, IReadOnlyList<ExistingOrganisation> existing)
    {
        var byId = existing.ToDictionary(o => o.Id);
        var byCode = new Dictionary<string, ExistingOrganisation>(StringComparer.Ordinal);
        foreach (var o in existing)
            if (o.Code is not null) byCode.TryAdd(o.Code, o);

        var plan = rows.Select((r, i) => new OrganisationImportPlanRow(i, r)).ToList();

        // Rows are addressed by code; only the first row of a code can stand for it (duplicates are errors anyway).
        var firstRowByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowsByCode = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var p in plan.Where(p => p.Code.Length > 0))
        {
            firstRowByCode.TryAdd(p.Code, p.Index);
            if (!rowsByCode.TryGetValue(p.Code, out var list)) rowsByCode[p.Code] = list = [];
            list.Add(p.Index);
        }

        foreach (var p in plan)
        {
            CheckFields(p);
            if (p.Code.Length > 0 && byCode.TryGetValue(p.Code, out var match)) p.ExistingId = match.Id;
        }
        foreach (var (code, same) in rowsByCode.Where(kv => kv.Value.Count > 1))
        {
            var numbers = same.Select(i => plan[i].Row.RowNumber.ToString(CultureInfo.InvariantCulture)).ToList();
            var message = Message.Format("Kode {0} muncul lebih dari sekali dalam berkas (baris {1}).", code, Abbreviate(numbers, ", "));
            foreach (var i in same) plan[i].AddError(message);
        }
        // Separate pass: a parent row may come later in the file, and its database match must be known first.
        foreach (var p in plan) ResolveParent(p);

        // Graph nodes: database organisations by id, new rows by -(index+1).
        var keyToRow = new Dictionary<int, int>();
        foreach (var index in firstRowByCode.Values)
            keyToRow[KeyOf(plan[index])] = index;

        int? FullParent(int key) =>
            keyToRow.TryGetValue(key, out var r) ? plan[r].ParentKey : key > 0 ? byId[key].ParentId : null;

        foreach (var cycle in FindCycles(keyToRow.Keys, FullParent))
        {
            var labels = cycle.Select(Label).ToList();
            labels.Add(labels[0]);
            var message = Message.Format("Rantai induk membentuk siklus: {0}.", Abbreviate(labels, " → "));
            foreach (var key in cycle)
                if (keyToRow.TryGetValue(key, out var r)) plan[r].AddError(message);
        }

        foreach (var p in plan) p.Action = p.Errors.Count > 0 ? ImportAction.Error : Classify(p);

        BlockDependants(plan, keyToRow, byId);
        return new OrganisationImportPlan(plan);

        void ResolveParent(OrganisationImportPlanRow p)
        {
            var parentCode = p.Row.ParentCode;
            var isRoot = p.ExistingId is int id && byId[id].ParentId is null;
            if (isRoot)
            {
                var root = byId[p.ExistingId!.Value];
                if (parentCode.Length > 0 || (p.Errors.Count == 0 && (p.Name != root.Name || p.Type != root.Type)))
                    p.AddError(RootLocked);
                return;
            }
            if (parentCode.Length == 0)
            {
                p.AddError(p.Type == OrganisationType.Provinsi && p.Row.Type.Length > 0
                    ? "Jenis PROVINSI hanya untuk organisasi puncak dan tidak dapat ditambahkan lewat impor."
                    : "Kode induk wajib diisi.");
                return;
            }
            if (p.Type == OrganisationType.Provinsi)
                p.AddError("Jenis PROVINSI tidak boleh berada di bawah organisasi lain.");
            if (parentCode == p.Code)
            {
                p.AddError("Kode induk tidak boleh sama dengan kode organisasi itu sendiri.");
                return;
            }

            ExistingOrganisation? parentInDb;
            if (firstRowByCode.TryGetValue(parentCode, out var parentRow))
            {
                p.ParentRowIndex = parentRow;
                p.ParentKey = KeyOf(plan[parentRow]);
                parentInDb = plan[parentRow].ExistingId is int pid ? byId[pid] : null;
            }
            else if (byCode.TryGetValue(parentCode, out parentInDb))
            {
                p.ParentKey = parentInDb.Id;
            }
            else
            {
                p.AddError(Message.Format("Kode induk {0} tidak ditemukan, baik di basis data maupun di berkas ini.", parentCode));
                return;
            }
            if (parentInDb is { IsActive: false })
                p.AddError(Message.Format("Organisasi induk {0} sudah dinonaktifkan.", parentCode));
        }

        ImportAction Classify(OrganisationImportPlanRow p)
        {
            if (p.ExistingId is not int id) return ImportAction.Create;
            var current = byId[id];
            if (!string.Equals(p.Name, current.Name, StringComparison.Ordinal)) p.AddChange("nama");
            if (p.Type != current.Type) p.AddChange("jenis");
            if (p.ParentKey != current.ParentId) p.AddChange("induk");
            return p.Changes.Count > 0 ? ImportAction.Update : ImportAction.Unchanged;
        }

        string Label(int key) =>
            keyToRow.TryGetValue(key, out var r) ? plan[r].Code : byId[key].Code ?? byId[key].Name;
    }

    /// <summary>
    /// Keeps messages short when a code repeats on thousands of rows or a cycle runs through the whole file:
    /// every affected row carries the message, so its length multiplies by the row count.
    /// </summary>
    private static string Abbreviate(List<string> items, string separator, int max = 6) =>
        items.Count <= max ? string.Join(separator, items) : $"{string.Join(separator, items.Take(max - 1))}{separator}… ({items.Count - max + 1} lagi){separator}{items[^1]}";

    internal static int KeyOf(OrganisationImportPlanRow p) => p.ExistingId ?? -(p.Index + 1);

    private static void CheckFields(OrganisationImportPlanRow p)
    {
        var code = p.Row.Code;
        if (code.Length == 0) p.AddError("Kode wajib diisi.");
        else if (code.Length > OrganisationService.MaxCodeLength) p.AddError(Message.Format("Kode terlalu panjang (maksimal {0} karakter).", OrganisationService.MaxCodeLength));
        else if (!code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/'))
            p.AddError("Kode hanya boleh berisi huruf, angka, titik, garis bawah, garis miring dan tanda hubung.");

        // Names are one-line labels; a line break pasted from another document must not end up in the tree.
        p.Name = CollapseWhitespace(p.Row.Name);
        if (p.Name.Length == 0) p.AddError("Nama wajib diisi.");
        else if (p.Name.Length > OrganisationService.MaxNameLength) p.AddError(Message.Format("Nama terlalu panjang (maksimal {0} karakter).", OrganisationService.MaxNameLength));

        if (p.Row.Type.Length == 0) p.AddError(Message.Format("Jenis wajib diisi. Gunakan salah satu: {0}.", TypeCodes));
        else if (TryParseType(p.Row.Type, out var type)) p.Type = type;
        else p.AddError(Message.Format("Jenis \"{0}\" tidak dikenal. Gunakan salah satu: {1}.", p.Row.Type, TypeCodes));
    }

    private static readonly string TypeCodes = string.Join(", ", OrganisationTypeNames.ByCode.Keys);

    /// <summary>
    /// Short codes or enum names only. Not <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>: it would also
    /// accept "3" or "Upt, Upp" (a flags combination that happens to be a defined value).
    /// </summary>
    internal static bool TryParseType(string text, out OrganisationType type)
    {
        text = text.Trim();
        if (OrganisationTypeNames.ByCode.TryGetValue(text, out type)) return true;
        foreach (var candidate in Enum.GetValues<OrganisationType>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }
        return false;
    }

    internal static string CollapseWhitespace(string value)
    {
        var sb = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Marks valid rows that cannot be imported when invalid rows are left out: rows under a row that is not
    /// imported, and (rarely) moves that would close a cycle once another move is left out.
    /// Repeats until stable because each newly skipped row can affect others.
    /// </summary>
    private static void BlockDependants(List<OrganisationImportPlanRow> plan, Dictionary<int, int> keyToRow, Dictionary<int, ExistingOrganisation> byId)
    {
        var ok = plan.Select(p => p.Action != ImportAction.Error && keyToRow.TryGetValue(KeyOf(p), out var r) && r == p.Index).ToArray();
        bool changed;
        do
        {
            changed = PropagateBlocks(plan, ok);

            int? AppliedParent(int key)
            {
                if (keyToRow.TryGetValue(key, out var r) && ok[r]) return plan[r].ParentKey;
                return key > 0 ? byId[key].ParentId : null;
            }

            var okKeys = plan.Where(p => ok[p.Index]).Select(KeyOf).ToList();
            foreach (var cycle in FindCycles(okKeys, AppliedParent))
            {
                foreach (var key in cycle)
                {
                    if (!keyToRow.TryGetValue(key, out var r) || !ok[r]) continue;
                    ok[r] = false;
                    plan[r].SkipReason = "Dilewati: pemindahan ini akan membentuk siklus karena baris lain tidak diimpor.";
                    changed = true;
                }
            }
        }
        while (changed);
    }

    private static bool PropagateBlocks(List<OrganisationImportPlanRow> plan, bool[] ok)
    {
        var changed = false;
        var settled = new bool[plan.Count];
        var chain = new List<int>();
        foreach (var start in plan)
        {
            if (!ok[start.Index] || settled[start.Index]) continue;
            chain.Clear();
            var current = start.Index;
            // Walk up through file rows until a settled row, a row that is not imported, or a database parent.
            while (ok[current] && !settled[current] && chain.Count <= plan.Count)
            {
                chain.Add(current);
                if (plan[current].ParentRowIndex is not int parent) break;
                current = parent;
            }
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                var row = plan[chain[i]];
                settled[row.Index] = true;
                if (row.ParentRowIndex is int parent && !ok[parent])
                {
                    ok[row.Index] = false;
                    var parentRow = plan[parent].Row;
                    row.SkipReason = Message.Format("Dilewati karena induknya (baris {0}, kode {1}) tidak diimpor.", parentRow.RowNumber, parentRow.Code);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /// <summary>Walks up from every start node; returns each cycle found (as its node keys) once.</summary>
    internal static List<List<int>> FindCycles(IEnumerable<int> starts, Func<int, int?> parentOf)
    {
        var state = new Dictionary<int, bool>(); // false: on the current walk, true: finished
        var cycles = new List<List<int>>();
        var path = new List<int>();
        foreach (var start in starts)
        {
            if (state.ContainsKey(start)) continue;
            path.Clear();
            int? current = start;
            while (current is int key)
            {
                if (state.TryGetValue(key, out var finished))
                {
                    if (!finished)
                    {
                        var at = path.IndexOf(key);
                        cycles.Add(path.GetRange(at, path.Count - at));
                    }
                    break;
                }
                state[key] = false;
                path.Add(key);
                current = parentOf(key);
            }
            foreach (var key in path) state[key] = true;
        }
        return cycles;
    }
}
