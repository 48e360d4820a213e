using Kovablik.Platform;

namespace Kovablik.Organisations;

public enum OrganisationType
{
    Provinsi = 1,
    KabupatenKota = 2,
    PerangkatDaerah = 3,
    Upt = 4,
    Upp = 5,
    Bumd = 6,
}

/// <summary>A node of the government's organisation tree. Everything in Kovablik hangs from it.</summary>
public sealed class Organisation : IVersioned
{
    public int Id { get; set; }

    /// <summary>Official code where one exists (Kemendagri region code, unit code); unique when present.</summary>
    public string? Code { get; set; }

    public required string Name { get; set; }
    public OrganisationType Type { get; set; }
    public int? ParentId { get; set; }
    public Organisation? Parent { get; set; }

    /// <summary>
    /// Materialised path of ids, e.g. "/1/7/42/". Scope checks ("is X inside my unit?") become a
    /// single indexed prefix comparison instead of a recursive query on every request.
    /// </summary>
    public string Path { get; set; } = "/";

    public int Depth { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Kemendagri region code this organisation stands for (only for Provinsi and Kabupaten/Kota).</summary>
    public string? RegionCode { get; set; }

    /// <summary>Lower-cased "code name" so search is case-insensitive the same way on SQLite and PostgreSQL.</summary>
    public string SearchText { get; set; } = "";

    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every save (works on SQLite and PostgreSQL alike).</summary>
    public Guid Version { get; set; }

    public bool IsSelfOrDescendantOf(string ancestorPath) => Path.StartsWith(ancestorPath, StringComparison.Ordinal);
}
