namespace Kovablik.Web;

/// <summary>
/// Marker for the shared string table. Keys are the Indonesian texts themselves, so Indonesian needs
/// no resource file and English lives in Resources/SharedResource.en.resx.
/// </summary>
public sealed class SharedResource;
