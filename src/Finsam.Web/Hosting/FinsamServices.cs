using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Finsam.Data;
using Finsam.Data.Identity;
using Finsam.Domain.Formatting;
using Finsam.Reporting.Pdf;
using Finsam.Web.Auditing;
using Finsam.Web.Authorization;
using Finsam.Web.Features.Economy;
using Finsam.Web.Features.Goals;
using Finsam.Web.Features.AnnualReport;
using Finsam.Web.Identity;
using Finsam.Web.Features.Insatser;
using Finsam.Web.Features.Participants;
using Finsam.Web.Security;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog;

namespace Finsam.Web.Hosting;

/// <summary>Everything Finsam.Web registers and the order of its request pipeline. Program.cs only calls these.</summary>
public static class FinsamServices
{
    public static void AddFinsam(this WebApplicationBuilder builder, StartupCommand command)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var dataDirectory = Path.GetFullPath(storage.DataDirectory, builder.Environment.ContentRootPath);
        PrivateFiles.Folder(dataDirectory);

        // Each host keeps its own logger (the static Log.Logger is left alone), so several hosts in one process,
        // as in the tests, never write into each other's files.
        builder.Host.UseSerilog((context, provider, logger) => LoggingSetup.Configure(context, provider, logger, dataDirectory), preserveStaticLogger: true);

        services.AddSingleton(command);
        services.AddSingleton(new StorageLocation(dataDirectory));
        services.Configure<PrivacyOptions>(configuration.GetSection(PrivacyOptions.Section));
        services.AddSingleton<PersonKeyProvider>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<InsatsService>();
        services.AddScoped<InsatsYearSettingsHandler>();
        services.AddScoped<EnrolmentImporter>();
        services.AddScoped<EnrolmentImportJobs>();
        services.AddScoped<EnrolmentExporter>();
        services.AddScoped<RetentionService>();
        services.Configure<EconomyOptions>(configuration.GetSection(EconomyOptions.Section));
        services.AddScoped<LedgerImporter>();
        services.AddScoped<LedgerImportJobs>();
        services.AddScoped<Features.Economy.InsatsDimensionHandler>();
        services.AddSingleton<Features.Economy.PendingLedgerFiles>();
        services.AddSingleton(GoalOptions.ReadScale(configuration.GetSection(GoalOptions.Section)));
        services.AddScoped<SurveyImporter>();
        services.AddScoped<BudgetService>();
        services.AddScoped<EndReasonCodeHandler>();
        services.AddScoped<AccountMappingHandler>();
        services.AddScoped<Features.Organisation.FederationHandler>();
        services.AddScoped<Features.Organisation.MemberHandler>();
        services.AddScoped<Features.Organisation.ContributionSplitHandler>();
        services.AddScoped<Features.Organisation.BoardHandler>();
        services.AddScoped<Features.Organisation.StaffHandler>();
        services.AddScoped<FiscalYearSettingsHandler>();
        services.AddScoped<GoalHandler>();
        services.AddScoped<InsatsGoalHandler>();
        services.AddScoped<SurveyRoundHandler>();
        services.AddScoped<ReportWritingHandler>();
        services.AddScoped<ReportGoalContent>();
        services.AddScoped<ReportContent>();
        services.AddScoped<AnnualReportService>();
        services.AddScoped<AdoptionHandler>();
        services.AddScoped<ReportPdfJobs>();
        services.AddSingleton(TimeProvider.System);
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.Configure<ChromiumOptions>(configuration.GetSection(ChromiumOptions.Section));
        services.AddFinsamDatabase(configuration, dataDirectory);
        services.AddHostedService<StartupHostedService>();

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 5;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<FinsamDbContext>()
            .AddSignInManager<FinsamSignInManager>()
            .AddClaimsPrincipalFactory<FinsamClaimsPrincipalFactory>()
            .AddErrorDescriber<SwedishIdentityErrorDescriber>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OnceOnlyAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        // The security stamp is checked every minute on the app's clock: signing out, a new password, new roles or a
        // deactivation end every other session of the user within the minute.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.TimeProvider = clock;
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "Finsam.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/Konto/LoggaIn";
            options.LogoutPath = "/Konto/LoggaUt";
            options.AccessDeniedPath = "/Konto/AtkomstNekad";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            SessionLifetime.Apply(options.Events);
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        // Keys live in the database so that every app instance, and every restart, can read the cookies.
        var keyRing = services.AddDataProtection().SetApplicationName("Finsam").PersistKeysToDbContext<FinsamDbContext>();
        if (configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()?.KeyRingCertificatePath is { Length: > 0 } certificate)
        {
            // Encrypted at rest: a reader of the database (or a backup) cannot forge sign-in cookies without the certificate.
            keyRing.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificate, configuration[$"{SecurityOptions.Section}:{nameof(SecurityOptions.KeyRingCertificatePassword)}"]));
        }
        services.AddAntiforgery(o => o.Cookie.Name = "Finsam.Antiforgery");
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.AddSignInRateLimit(configuration);

        services.AddAuthorization(Policies.Register);
        // Who may use each page and handler is declared once, in Authorization/PageAccess.cs.
        services.AddRazorPages(options =>
            {
                // One folder per feature (Features/Participants, Features/Economy …) holds its pages and the handlers
                // behind them; each page declares its Swedish URL in its @page directive.
                options.RootDirectory = "/Features";
                options.Conventions.Add(new PageAccessConvention());
            })
            .AddMvcOptions(SwedishModelBinding.Configure);

        // Swedish letters are written as they are, not as numeric character references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        services.AddScoped<UserAccounts>();
        services.AddSingleton<OnceOnlyForms>();
        services.AddScoped<FederationName>();
        services.AddScoped<Finsam.Web.Features.Setup.SetupChecklist>();
        services.AddSingleton<ChromiumPdfRenderer>();
        services.AddSingleton<IPdfRenderer>(sp => sp.GetRequiredService<ChromiumPdfRenderer>());
        services.AddSingleton<DraftPdfCache>();
        services.AddHostedService<ChromiumWarmUp>();

        // Long work (the imports, the report's PDF) runs as background jobs: docs/background-jobs.md.
        services.Configure<Jobs.JobOptions>(configuration.GetSection(Jobs.JobOptions.Section));
        services.AddSingleton<Jobs.JobStore>();
        services.TryAddSingleton<Jobs.IJobGate, Jobs.OpenJobGate>();
        services.AddHostedService<Jobs.JobWorker>();
        services.AddHealthChecks().AddDbContextCheck<FinsamDbContext>("database");

        CultureInfo.DefaultThreadCurrentCulture = SwedishFormat.Culture;
        CultureInfo.DefaultThreadCurrentUICulture = SwedishFormat.Culture;
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(SwedishFormat.Culture);
            options.SupportedCultures = [SwedishFormat.Culture];
            options.SupportedUICultures = [SwedishFormat.Culture];
            options.RequestCultureProviders.Clear();
        });
    }

    public static void UseFinsam(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseTrustedProxies(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value);
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequiredPasswordChange();
        app.UseTwoFactorEnrolment();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        app.MapReportEndpoints();
    }
}
