using Kovablik.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kovablik.Web.Pages;

/// <summary>What the open data holds, under which licence, and where to download it.</summary>
[AllowAnonymous]
public sealed class DataTerbukaModel(IOptions<KovablikOptions> options) : PageModel
{
    public KovablikOptions Options => options.Value;

    public void OnGet()
    {
    }
}
