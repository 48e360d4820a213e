namespace Kovablik.Innovations;

/// <summary>Everything an operator edits on an innovation's profile (files travel separately).</summary>
public sealed class InnovationInput
{
    public int OrganisationId { get; set; }
    public string Name { get; set; } = "";
    public string? ShortDescription { get; set; }
    public string? Ringkasan { get; set; }
    public string? LatarBelakang { get; set; }
    public string? Kebaruan { get; set; }
    public string? Implementasi { get; set; }
    public string? Signifikansi { get; set; }
    public string? Adaptabilitas { get; set; }
    public string? SumberDaya { get; set; }
    public string? StrategiKeberlanjutan { get; set; }
    public DateOnly? StartedOn { get; set; }
    public InnovationStage Stage { get; set; } = InnovationStage.Diterapkan;
    public InnovationKind Kind { get; set; } = InnovationKind.Digital;
    // A JSON body may send null for a list, or null entries in Team: read both as "nothing".
    public List<int> CategoryIds { get; set => field = value ?? []; } = [];
    public List<int> SdgGoalIds { get; set => field = value ?? []; } = [];
    public List<int> TargetGroupIds { get; set => field = value ?? []; } = [];
    public List<TeamMemberInput> Team { get; set => field = value?.Where(t => t is not null).ToList() ?? []; } = [];
    public string? SkNumber { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? VideoUrl { get; set; }
    public string? WebsiteUrl { get; set; }

    /// <summary>The version the editor started from; a mismatch means someone else saved in between.</summary>
    public Guid? ExpectedVersion { get; set; }

    public string? Section(string field) => field switch
    {
        nameof(Innovation.Ringkasan) => Ringkasan,
        nameof(Innovation.LatarBelakang) => LatarBelakang,
        nameof(Innovation.Kebaruan) => Kebaruan,
        nameof(Innovation.Implementasi) => Implementasi,
        nameof(Innovation.Signifikansi) => Signifikansi,
        nameof(Innovation.Adaptabilitas) => Adaptabilitas,
        nameof(Innovation.SumberDaya) => SumberDaya,
        nameof(Innovation.StrategiKeberlanjutan) => StrategiKeberlanjutan,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public static InnovationInput From(Innovation i) => new()
    {
        OrganisationId = i.OrganisationId,
        Name = i.Name,
        ShortDescription = i.ShortDescription,
        Ringkasan = i.Ringkasan,
        LatarBelakang = i.LatarBelakang,
        Kebaruan = i.Kebaruan,
        Implementasi = i.Implementasi,
        Signifikansi = i.Signifikansi,
        Adaptabilitas = i.Adaptabilitas,
        SumberDaya = i.SumberDaya,
        StrategiKeberlanjutan = i.StrategiKeberlanjutan,
        StartedOn = i.StartedOn,
        Stage = i.Stage,
        Kind = i.Kind,
        CategoryIds = i.Categories.Select(c => c.Id).ToList(),
        SdgGoalIds = i.SdgGoals.Select(c => c.Id).ToList(),
        TargetGroupIds = i.TargetGroups.Select(c => c.Id).ToList(),
        Team = i.Team.Select(t => new TeamMemberInput { Name = t.Name, Position = t.Position }).ToList(),
        SkNumber = i.SkNumber,
        ContactName = i.ContactName,
        ContactEmail = i.ContactEmail,
        ContactPhone = i.ContactPhone,
        VideoUrl = i.VideoUrl,
        WebsiteUrl = i.WebsiteUrl,
        ExpectedVersion = i.Version,
    };
}

public sealed class TeamMemberInput
{
    public string? Name { get; set; }
    public string? Position { get; set; }
}

/// <summary>Section names as shown to people, in KIPP order. Field names are the C# property names.</summary>
public static class InnovationSections
{
    public const int MaxSectionLength = 20_000;

    public static readonly (string Field, string Title)[] All =
    [
        (nameof(Innovation.Ringkasan), "Ringkasan"),
        (nameof(Innovation.LatarBelakang), "Latar Belakang dan Tujuan"),
        (nameof(Innovation.Kebaruan), "Kebaruan/Nilai Tambah"),
        (nameof(Innovation.Implementasi), "Implementasi Inovasi"),
        (nameof(Innovation.Signifikansi), "Signifikansi"),
        (nameof(Innovation.Adaptabilitas), "Adaptabilitas"),
        (nameof(Innovation.SumberDaya), "Sumber Daya"),
        (nameof(Innovation.StrategiKeberlanjutan), "Strategi Keberlanjutan"),
    ];

    public static string Get(Innovation i, string field) => field switch
    {
        nameof(Innovation.Ringkasan) => i.Ringkasan,
        nameof(Innovation.LatarBelakang) => i.LatarBelakang,
        nameof(Innovation.Kebaruan) => i.Kebaruan,
        nameof(Innovation.Implementasi) => i.Implementasi,
        nameof(Innovation.Signifikansi) => i.Signifikansi,
        nameof(Innovation.Adaptabilitas) => i.Adaptabilitas,
        nameof(Innovation.SumberDaya) => i.SumberDaya,
        nameof(Innovation.StrategiKeberlanjutan) => i.StrategiKeberlanjutan,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
