namespace Kovablik.Organisations;

public static class OrganisationTypeNames
{
    /// <summary>Short codes used in import files and the API ("UPP", "PD", ...).</summary>
    public static readonly IReadOnlyDictionary<string, OrganisationType> ByCode =
        new Dictionary<string, OrganisationType>(StringComparer.OrdinalIgnoreCase)
        {
            ["PROVINSI"] = OrganisationType.Provinsi,
            ["KABKOTA"] = OrganisationType.KabupatenKota,
            ["PD"] = OrganisationType.PerangkatDaerah,
            ["UPT"] = OrganisationType.Upt,
            ["UPP"] = OrganisationType.Upp,
            ["BUMD"] = OrganisationType.Bumd,
        };

    public static string Code(OrganisationType type) => type switch
    {
        OrganisationType.Provinsi => "PROVINSI",
        OrganisationType.KabupatenKota => "KABKOTA",
        OrganisationType.PerangkatDaerah => "PD",
        OrganisationType.Upt => "UPT",
        OrganisationType.Upp => "UPP",
        OrganisationType.Bumd => "BUMD",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Indonesian display name; the UI translates it further when English is chosen.</summary>
    public static string Display(OrganisationType type) => type switch
    {
        OrganisationType.Provinsi => "Provinsi",
        OrganisationType.KabupatenKota => "Kabupaten/Kota",
        OrganisationType.PerangkatDaerah => "Perangkat Daerah",
        OrganisationType.Upt => "UPT / Cabang Dinas",
        OrganisationType.Upp => "Unit Penyelenggara Pelayanan",
        OrganisationType.Bumd => "BUMD",
        _ => type.ToString(),
    };

    public static bool TryParse(string? value, out OrganisationType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        if (ByCode.TryGetValue(value.Trim(), out type)) return true;
        return Enum.TryParse(value.Trim(), ignoreCase: true, out type) && Enum.IsDefined(type);
    }
}
