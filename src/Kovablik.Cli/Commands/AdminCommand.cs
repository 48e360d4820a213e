using System.CommandLine;
using System.Security.Cryptography;
using Kovablik.Accounts;
using Kovablik.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kovablik.Cli.Commands;

internal static class AdminCommand
{
    public static Command Create()
    {
        var admin = new Command("admin", "Manage administrator accounts.");
        admin.Subcommands.Add(CreateAccount());
        admin.Subcommands.Add(ResetPassword());
        return admin;
    }

    private static Command CreateAccount()
    {
        var email = new Option<string>("--email") { Description = "Email address (also the user name)", Required = true };
        var name = new Option<string>("--name") { Description = "Full name", Required = true };
        var password = new Option<string?>("--password") { Description = "Password (default: generate a strong one and print it once)" };
        var command = new Command("create", "Create an Administrator account.");
        command.Options.Add(email);
        command.Options.Add(name);
        command.Options.Add(password);
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, async ctx =>
        {
            var address = parse.GetValue(email)!.Trim();
            var fullName = parse.GetValue(name)!.Trim();
            if (fullName.Length == 0) throw new CliException("--name must not be empty.");
            var chosen = parse.GetValue(password);
            var secret = string.IsNullOrEmpty(chosen) ? GeneratePassword() : chosen;

            var users = ctx.Services.GetRequiredService<UserManager<AppUser>>();
            var roles = ctx.Services.GetRequiredService<RoleManager<IdentityRole>>();
            AnsiConsole.MarkupLine($"Database: [bold]{Markup.Escape(ctx.DescribeDatabase())}[/]");
            if (!await roles.RoleExistsAsync(Roles.Administrator))
                throw new CliException("The Administrator role does not exist yet: run `kovablik migrate` first.");

            var db = ctx.Db;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var user = new AppUser { UserName = address, Email = address, EmailConfirmed = true, FullName = fullName, IsActive = true };
            Check(await users.CreateAsync(user, secret), "Could not create the account");
            Check(await users.AddToRoleAsync(user, Roles.Administrator), "Could not grant the Administrator role");
            await transaction.CommitAsync(ct);

            AnsiConsole.MarkupLine($"[green]Created Administrator[/] {Markup.Escape(fullName)} <{Markup.Escape(address)}>.");
            if (string.IsNullOrEmpty(chosen)) ShowPassword(secret);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command ResetPassword()
    {
        var email = new Option<string>("--email") { Description = "Email address of the account", Required = true };
        var command = new Command("reset-password", "Give an account a new random password and lift any lockout.");
        command.Options.Add(email);
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, async ctx =>
        {
            var address = parse.GetValue(email)!.Trim();
            var users = ctx.Services.GetRequiredService<UserManager<AppUser>>();
            AnsiConsole.MarkupLine($"Database: [bold]{Markup.Escape(ctx.DescribeDatabase())}[/]");
            var user = await users.FindByEmailAsync(address) ?? throw new CliException($"No account with email {address}.");

            var secret = GeneratePassword();
            var db = ctx.Db;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            if (await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user), "Could not remove the old password");
            // AddPasswordAsync also renews the security stamp, which signs the account out everywhere.
            Check(await users.AddPasswordAsync(user, secret), "Could not set the new password");
            await transaction.CommitAsync(ct);

            AnsiConsole.MarkupLine($"[green]New password set[/] for {Markup.Escape(user.FullName)} <{Markup.Escape(address)}>; lockout lifted.");
            if (!user.IsActive) AnsiConsole.MarkupLine("[yellow]Note: this account is deactivated and still cannot sign in.[/]");
            ShowPassword(secret);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new CliException($"{what}: {string.Join(" ", result.Errors.Select(e => Message.ToIndonesian(e.Description)))}");
    }

    private static void ShowPassword(string secret)
    {
        AnsiConsole.Write(new Panel(new Markup($"[bold]{Markup.Escape(secret)}[/]")).Header("Password").Border(BoxBorder.Rounded));
        AnsiConsole.MarkupLine("[yellow]It is shown only this once: hand it over securely and ask for it to be changed at first sign-in.[/]");
    }

    /// <summary>20 random characters (about 110 bits) from an alphabet without look-alikes, grouped for reading aloud.</summary>
    internal static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var raw = RandomNumberGenerator.GetString(alphabet, 20);
        return string.Join('-', raw.Chunk(5).Select(c => new string(c)));
    }
}
