using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Account;

public class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
