using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kovablik.Web.Pages.Akun;

[AllowAnonymous]
public sealed class AksesDitolakModel : PageModel
{
    public void OnGet()
    {
    }
}
