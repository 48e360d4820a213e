using System.Globalization;
using System.Threading.RateLimiting;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Platform;
using Kovablik.Platform.Files;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.RateLimiting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kovablik.Web.Infrastructure;

public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("id-ID"), new("en")];
    public const string LoginRateLimit = "login";
    public const string ApiRateLimit = "api";
    public const string FeedbackRateLimit = "feedback";
    public const string VoteRateLimit = "vote";

    public static void AddKovablik(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddOptions<KovablikOptions>().BindConfiguration("Kovablik");
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<HttpAuditContext>();
        services.AddScoped<IAuditContext>(sp => sp.GetRequiredService<HttpAuditContext>());
        services.AddKovablikDatabase(config);

        // Identity: ASVS 5 passwords (length only + common-password list), lockout, TOTP.
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<KovablikDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator<AppUser>>()
            .AddErrorDescriber<IndonesianIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<KovablikClaimsFactory>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Akun/Masuk";
            o.LogoutPath = "/Akun/Keluar";
            o.AccessDeniedPath = "/Akun/AksesDitolak";
            o.Cookie.Name = "kovablik.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The API answers with status codes, never with a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        // Key ring in the database so every web node can read every node's cookies and antiforgery tokens.
        services.AddDataProtection().SetApplicationName("Kovablik").PersistKeysToDbContext<KovablikDbContext>();

        services.AddAuthorizationBuilder().AddKovablikPolicies();
        services.AddScoped<CurrentUser>();

        // Localisation: Bahasa Indonesia by default, English on request (cookie or query string).
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("id-ID");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/", Policies.SignedIn);
                o.Conventions.ConfigureFilter(new RefuseNulCharactersFilter());
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        // Model-binding messages in the request's language instead of the framework's English; required-ness
        // is decided by our own validation, not implied by non-nullable types.
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<Microsoft.Extensions.Localization.IStringLocalizerFactory>((o, f) =>
        {
            var l = f.Create(typeof(SharedResource));
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            var m = o.ModelBindingMessageProvider;
            m.SetValueIsInvalidAccessor(v => l["Nilai '{0}' tidak valid.", v]);
            m.SetAttemptedValueIsInvalidAccessor((v, f) => l["Nilai '{0}' tidak valid untuk {1}.", v, f]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["Nilai '{0}' tidak valid.", v]);
            m.SetUnknownValueIsInvalidAccessor(f => l["Nilai untuk {0} tidak valid.", f]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Nilai tidak valid."]);
            m.SetValueMustNotBeNullAccessor(f => l["{0} wajib diisi.", f]);
            m.SetMissingBindRequiredValueAccessor(f => l["{0} wajib diisi.", f]);
            m.SetMissingKeyOrValueAccessor(() => l["Nilai wajib diisi."]);
            m.SetValueMustBeANumberAccessor(f => l["{0} harus berupa angka.", f]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l["Nilai harus berupa angka."]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["Isi permintaan wajib diisi."]);
        });

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Malformed requests are the client's fault: answer 400, never a 500, in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddValidation();
        Api.KovablikApi.ConfigureJson(services);
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Kovablik API";
            doc.Info.Description = "JSON API of the Kovablik platform: organisations, the JIPP innovation registry and accounts.";
            return Task.CompletedTask;
        }));

        services.AddHealthChecks().AddDbContextCheck<KovablikDbContext>("database", tags: ["ready"]);

        var limits = config.GetSection("RateLimiting").Get<RateLimitOptions>() ?? new RateLimitOptions();
        var feedback = config.GetSection("Kovablik:Feedback").Get<Kovablik.Feedback.FeedbackOptions>() ?? new Kovablik.Feedback.FeedbackOptions();
        services.AddSingleton(feedback);
        services.AddSingleton(Kovablik.Feedback.ContentFilter.Default);
        services.AddScoped<Kovablik.Feedback.FeedbackService>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(ApiRateLimit, ctx => RateLimitPartition.GetTokenBucketLimiter(
                ctx.User.Identity?.Name ?? ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions { TokenLimit = limits.ApiBurst, TokensPerPeriod = limits.ApiPerSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
            // Comments, replies and reports per client address; the per-account limit is counted in the database (FeedbackService).
            o.AddPolicy(FeedbackRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = feedback.PerIpPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Votes per account (after authentication); the per-address limit is VoteRateLimiter (a second partition key).
            o.AddPolicy(VoteRateLimit, ctx => RateLimitPartition.GetTokenBucketLimiter(
                ctx.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "ip:" + ctx.Connection.RemoteIpAddress,
                _ => new TokenBucketRateLimiterOptions { TokenLimit = limits.VotesPerAccountBurst, TokensPerPeriod = limits.VotesPerAccountPerMinute, ReplenishmentPeriod = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (ctx, ct) =>
            {
                var l = ctx.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
                if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
                    await Results.Problem(statusCode: 429, title: l["Terlalu banyak permintaan"], detail: l["Coba lagi sebentar lagi."]).ExecuteAsync(ctx.HttpContext);
                else
                    await ctx.HttpContext.Response.WriteAsync(l["Terlalu banyak percobaan. Tunggu satu menit lalu coba lagi."], ct);
            };
        });

        // Files, email and the domain services.
        var files = config.GetSection("Files").Get<FileStoreOptions>() ?? new FileStoreOptions();
        services.AddSingleton<IFileStore>(new LocalFileStore(files));
        services.AddSingleton(config.GetSection("Attachments").Get<AttachmentOptions>() ?? new AttachmentOptions());
        services.AddSingleton(config.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions());
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddSingleton(config.GetSection("Invitations").Get<InvitationOptions>() ?? new InvitationOptions());
        services.AddScoped<OrganisationService>();
        services.AddScoped<InnovationService>();
        services.AddScoped<Kovablik.Search.InnovationSearch>();
        services.AddScoped<Kovablik.Competitions.EditionService>();
        services.AddScoped<Kovablik.Competitions.Proposals.ProposalService>();
        services.AddScoped<Kovablik.Competitions.Awards.AwardService>();
        services.AddScoped<Kovablik.Competitions.Judging.JudgingSetupService>();
        services.AddScoped<Kovablik.Competitions.Judging.JudgingAccess>();
        services.AddScoped<Kovablik.Competitions.Judging.Schedule.JudgingScheduleService>();
        services.AddScoped<Kovablik.Competitions.Judging.Stages.StageService>().AddScoped<Kovablik.Competitions.Judging.Stages.StageRankingService>().AddScoped<Kovablik.Competitions.Judging.Stages.StageReports>();
        services.AddScoped<Kovablik.Competitions.Judging.Scoring.ScoringService>().AddScoped<Kovablik.Competitions.Judging.Scoring.ScoringReminderService>().AddScoped<IPeriodicTask, ScoringReminderTask>();
        services.AddScoped<Kovablik.Competitions.Judging.Pool.AssignmentCleanup>().AddScoped<Kovablik.Competitions.Judging.Pool.JuryPoolService>().AddScoped<Kovablik.Competitions.Judging.Pool.ConflictService>().AddScoped<Kovablik.Competitions.Judging.Pool.AssignmentService>();
        services.AddScoped<Kovablik.Competitions.Judging.Awards.EditionAwardService>().AddScoped<Kovablik.Competitions.Judging.Awards.KippPack>();
        services.AddScoped<Kovablik.Competitions.Judging.Results.JudgingResultsService>();
        services.AddScoped<Kovablik.Exhibitions.OpenData.PublicCatalogue>();
        services.AddSingleton<Api.CatalogueVersionMemo>();
        services.AddPublicPageCache();
        services.AddScoped<Kovablik.Competitions.Selection.SelectionService>().AddScoped<Kovablik.Competitions.Selection.ProposalExport>();
        services.AddScoped<AttachmentService>();
        services.AddScoped<Kovablik.Exhibitions.ExhibitionService>().AddScoped<Kovablik.Exhibitions.ExhibitionVoting>().AddScoped<Kovablik.Exhibitions.VisitorCodes>();
        services.AddSingleton<Kovablik.Exhibitions.VoteBatcher>();
        services.AddSingleton(config.GetSection("Exhibitions").Get<Kovablik.Exhibitions.ExhibitionOptions>() ?? new Kovablik.Exhibitions.ExhibitionOptions());
        services.AddSingleton(new VoteRateLimiter(limits));
        services.AddMemoryCache();
        services.AddSingleton<Kovablik.Search.SearchResultCache>();
        services.AddScoped<Kovablik.Competitions.Proposals.Pack.ProposalPackService>();
        var evidence = config.GetSection("Evidence").Get<Kovablik.Competitions.Proposals.EvidenceOptions>() ?? new Kovablik.Competitions.Proposals.EvidenceOptions();
        services.AddSingleton(evidence);
        services.AddHttpClient(Kovablik.Competitions.Proposals.LinkChecker.ClientName, c =>
            {
                c.Timeout = TimeSpan.FromSeconds(evidence.LinkTimeoutSeconds + 5);
                c.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; KovablikLinkCheck/1.0)");
            })
            .ConfigurePrimaryHttpMessageHandler(() => Kovablik.Competitions.Proposals.LinkChecker.CreateHandler(evidence.LinkTimeoutSeconds));
        services.AddSingleton<Kovablik.Competitions.Proposals.IHostAddressResolver, Kovablik.Competitions.Proposals.DnsHostAddressResolver>();
        services.AddScoped<Kovablik.Competitions.Proposals.ILinkChecker, Kovablik.Competitions.Proposals.LinkChecker>();
        services.AddScoped<Kovablik.Competitions.Proposals.ProposalEvidenceService>();
        services.AddScoped<IPeriodicTask, LinkRecheckTask>();
        services.AddScoped<Kovablik.Notifications.NotificationService>();
        services.AddHostedService<PeriodicWorkRunner>();
        // The reminders run before the mailer so their emails leave in the same round.
        services.AddScoped<Kovablik.Competitions.Proposals.ProposalNotices>();
        services.AddScoped<Kovablik.Competitions.Deadlines.AnnouncementService>();
        services.AddScoped<Kovablik.Competitions.Deadlines.DeadlineService>();
        services.AddScoped<Kovablik.Competitions.Deadlines.DraftsBoardService>();
        services.AddScoped<Kovablik.Competitions.Deadlines.DeadlineReminderService>();
        services.AddScoped<IPeriodicTask, DeadlineReminderTask>();
        // Before the email task, so a reminder is mailed in the same run.
        services.AddScoped<IPeriodicTask, PresentationReminderTask>();
        services.AddScoped<IPeriodicTask, NotificationEmailTask>();
        services.AddScoped<InvitationService>();
        services.AddScoped<AccountService>();
        services.AddScoped<OrganisationImportJobs>();
        services.AddKovablikBackgroundWork();
        services.AddSingleton<SectionHtmlCache>();

        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        // Telemetry: traces and metrics always collected; exported over OTLP only when an endpoint is configured.
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("kovablik-web"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource("Kovablik"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter("Kovablik"));
        if (!string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        if (builder.Environment.IsDevelopment()) builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            var l = ctx.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
            return Results.Problem(statusCode: status,
                title: status == 401 ? l["Belum masuk"] : l["Akses ditolak"],
                detail: status == 401 ? l["Masuk terlebih dahulu untuk memakai endpoint ini."] : l["Akun Anda tidak berwenang untuk permintaan ini."])
                .ExecuteAsync(ctx.HttpContext);
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");

    public static void UseKovablikPipeline(this WebApplication app)
    {
        app.Use(RequestStart.Stamp);
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        // The API answers errors as ProblemDetails; pages show a localised error page.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(ctx => !IsApi(ctx), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", AllowStatusCode404Response = true, CreateScopeForErrors = true });
            pages.UseStatusCodePagesWithReExecute("/Status/{0}");
        });
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        // After authentication, so API limits count per account rather than per shared office IP address.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<TwoFactorGate>();
        app.UseAuthorization();
        // After authentication: the public-page policy caches anonymous requests only.
        app.UseOutputCache();
        app.UseAntiforgery();
    }
}
