using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Något gick fel";

    public string Message { get; private set; } = "Ett oväntat fel inträffade. Inget av det du gjorde har sparats halvvägs.";

    public string? RequestId { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (status == StatusCodes.Status404NotFound)
        {
            Title = "Sidan finns inte";
            Message = "Sidan du sökte finns inte. Kontrollera adressen eller gå via menyn.";
            RequestId = null;
        }
        else if (status == StatusCodes.Status429TooManyRequests)
        {
            Title = "För många försök";
            Message = "Det har gjorts för många inloggningsförsök från din adress på kort tid. Vänta en minut och försök igen.";
            RequestId = null;
        }
        else if (status == StatusCodes.Status413PayloadTooLarge)
        {
            Title = "Filen är för stor";
            Message = "Filen är för stor för att laddas upp. Dela upp den i mindre filer.";
            RequestId = null;
        }
        else if (status == StatusCodes.Status400BadRequest)
        {
            Title = "Felaktig begäran";
            Message = "Begäran kunde inte behandlas. Ladda om sidan och försök igen.";
        }
    }
}
