using System.Security.Cryptography;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Demo;
using Kovablik.Reference;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kovablik.Web.Infrastructure;

public static class DatabaseStartup
{
    public const string FirstAdminEmail = "admin@kovablik.local";

    /// <summary>
    /// Quick start and Development only: apply migrations, load reference (and demo) data and make sure a
    /// first administrator exists. Production runs `kovablik migrate` instead and never loads demo data.
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<KovablikOptions>>().Value;
        if (!options.AutoMigrate) return;

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KovablikDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Kovablik.Startup");
        await db.Database.MigrateAsync();
        await ReferenceData.SeedAsync(db, options.HostProvinceCode);
        await Kovablik.Search.InnovationSearchIndex.RebuildStaleAsync(db);
        await Kovablik.Innovations.InnovationPageRenderer.RebuildStaleAsync(db);
        if (options.SeedDemo && !app.Environment.IsProduction())
        {
            var demo = await DemoSeeder.SeedAsync(db, options.HostProvinceCode);
            if (!demo.AlreadyPresent)
                logger.LogInformation("Demo data loaded: {Organisations} organisations, {Innovations} innovations", demo.Organisations, demo.Innovations);
        }
        await EnsureFirstAdministratorAsync(scope.ServiceProvider, app);
    }

    private static async Task EnsureFirstAdministratorAsync(IServiceProvider services, WebApplication app)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        string message;
        if (admins.Count > 0)
        {
            message = $"""
                Sign in as an administrator ({admins[0].Email}). Forgot the password?
                  dotnet run --project src/Kovablik.Cli -- admin reset-password --email {admins[0].Email}
                """;
        }
        else
        {
            var password = NewPassword();
            var admin = new AppUser { UserName = FirstAdminEmail, Email = FirstAdminEmail, EmailConfirmed = true, FullName = "Administrator Kovablik" };
            var result = await users.CreateAsync(admin, password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => Kovablik.Platform.Message.ToIndonesian(e.Description))));
            await users.AddToRoleAsync(admin, Roles.Administrator);
            message = $"""
                First administrator created (shown once):
                  email:    {FirstAdminEmail}
                  password: {password}
                After signing in you will be asked to set up two-step verification (TOTP).
                """;
        }
        // Print after Kestrel has bound so the URLs are known.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = app.Urls;
            Console.WriteLine();
            Console.WriteLine("==================== Kovablik ====================");
            Console.WriteLine($"Open: {string.Join(", ", urls)}");
            Console.WriteLine(message);
            Console.WriteLine("==================================================");
        });
    }

    public static string NewPassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return new string(chars);
    }
}
