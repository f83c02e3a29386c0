using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Pages.Konto;

public class AtkomstNekadModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
