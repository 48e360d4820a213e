using Kovablik.Organisations;

namespace Kovablik.Competitions.Judging.Stages;

/// <summary>
/// The cluster a proposal competes in, from its organisation (see docs/judging-stages.md §Clusters). The edition's
/// default clusters are "Perangkat Daerah Provinsi", "Kabupaten/Kota", "BUMD" and "UPT"
/// (<see cref="EditionDefaults.ClusterNames"/>). The regional government is the participant: anything inside a
/// kabupaten/kota (its dinas, their UPTs, the kabupaten/kota itself) competes as "Kabupaten/Kota"; a BUMD competes as
/// "BUMD" wherever it hangs; on the provincial side a UPT/UPP competes as "UPT" and every other unit as
/// "Perangkat Daerah Provinsi". A name the edition has renamed or removed leaves the proposal without a cluster
/// (it then counts only against the top N and the passing grade, never against a cluster's seats).
/// </summary>
public static class StageClusters
{
    public const string ProvincialOpd = "Perangkat Daerah Provinsi";
    public const string KabupatenKota = "Kabupaten/Kota";
    public const string Bumd = "BUMD";
    public const string Upt = "UPT";

    /// <param name="type">The proposal's organisation type.</param>
    /// <param name="regionType">The type of the organisation at the second level of its path (its kabupaten/kota or provincial agency), or null.</param>
    public static string Default(OrganisationType type, OrganisationType? regionType) => type switch
    {
        OrganisationType.Bumd => Bumd,
        _ when type == OrganisationType.KabupatenKota || regionType == OrganisationType.KabupatenKota => KabupatenKota,
        OrganisationType.Upt or OrganisationType.Upp => Upt,
        _ => ProvincialOpd,
    };

    /// <summary>The cluster name as the edition spells it, or null when the edition has no such cluster.</summary>
    public static string? For(OrganisationType type, OrganisationType? regionType, IEnumerable<string> editionClusters)
    {
        var name = Default(type, regionType);
        return editionClusters.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The id at the second level of a materialised path ("/province/region/unit/"): the kabupaten/kota or agency.</summary>
    public static int? RegionId(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
