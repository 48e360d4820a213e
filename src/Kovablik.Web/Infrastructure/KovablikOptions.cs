namespace Kovablik.Web.Infrastructure;

public sealed class KovablikOptions
{
    /// <summary>Kemendagri code of the host province (default 35, Jawa Timur).</summary>
    public string HostProvinceCode { get; set; } = "35";

    /// <summary>Apply migrations and reference data on start. On in Development (the quick start) only.</summary>
    public bool AutoMigrate { get; set; }

    /// <summary>Load the demo province on start. Never in Production.</summary>
    public bool SeedDemo { get; set; }

    /// <summary>Absolute base URL used in emails; empty means "from the current request".</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// Seconds between runs of the periodic tasks (email outbox, deadline reminders, link checks); 0 turns them off
    /// (the tests run them by hand with a fake clock).
    /// </summary>
    public int PeriodicWorkSeconds { get; set; } = 30;

    /// <summary>The licence the open data (catalogue and results downloads, open API) is published under.</summary>
    public string OpenDataLicence { get; set; } = "Creative Commons Attribution 4.0 International (CC BY 4.0)";

    public string OpenDataLicenceUrl { get; set; } = "https://creativecommons.org/licenses/by/4.0/";

    /// <summary>Who to credit when reusing the open data.</summary>
    public string OpenDataPublisher { get; set; } = "Pemerintah Provinsi Jawa Timur (Kovablik)";
}
