namespace Kovablik.Organisations;

public enum RegionLevel
{
    Provinsi = 1,
    KabupatenKota = 2,
}

/// <summary>Official Kemendagri region (reference data, ODbL; see Reference/Data/README.md).</summary>
public sealed class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public RegionLevel Level { get; set; }
    public string? ParentCode { get; set; }
}
