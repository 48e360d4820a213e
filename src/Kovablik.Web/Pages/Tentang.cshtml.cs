using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kovablik.Web.Pages;

[AllowAnonymous]
public sealed class TentangModel : PageModel
{
    public void OnGet()
    {
    }
}
