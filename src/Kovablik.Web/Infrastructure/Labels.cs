using Kovablik.Innovations;

namespace Kovablik.Web.Infrastructure;

/// <summary>Indonesian labels (resource keys) for enum values shown to people.</summary>
public static class Labels
{
    public static string Stage(InnovationStage s) => s switch
    {
        InnovationStage.Ide => "Ide",
        InnovationStage.UjiCoba => "Uji coba",
        _ => "Diterapkan",
    };

    public static string Kind(InnovationKind k) => k == InnovationKind.Digital ? "Digital" : "Non-digital";

    public static string Status(InnovationStatus s) => s switch
    {
        InnovationStatus.Draft => "Draf",
        InnovationStatus.Published => "Terbit",
        _ => "Diarsipkan",
    };

    public static string AttachmentKind(Kovablik.Innovations.AttachmentKind k) => k switch
    {
        Kovablik.Innovations.AttachmentKind.SkDecree => "SK inovator",
        Kovablik.Innovations.AttachmentKind.Image => "Foto",
        _ => "Bukti dukung",
    };
}
