using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kovablik.Web.Pages.Akun;

[AllowAnonymous]
public sealed class TerkunciModel : PageModel
{
    public void OnGet()
    {
    }
}
