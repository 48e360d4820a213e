using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Kovablik.Platform;

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool UseStartTls { get; set; } = true;
    public string From { get; set; } = "Kovablik <noreply@kovablik.local>";

    /// <summary>When set (the default in Development), messages are written here as .eml files instead of sent.</summary>
    public string? PickupDirectory { get; set; }
}

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string textBody, string? htmlBody = null, CancellationToken ct = default);
}

public sealed class MailKitEmailSender(SmtpOptions options, ILogger<MailKitEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string textBody, string? htmlBody = null, CancellationToken ct = default)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        var body = new BodyBuilder { TextBody = textBody, HtmlBody = htmlBody };
        message.Body = body.ToMessageBody();

        if (!string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            Directory.CreateDirectory(options.PickupDirectory);
            var file = Path.Combine(options.PickupDirectory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, ct);
            logger.LogInformation("Email to {To} ({Subject}) written to pickup folder {File}", to, subject, file);
            return;
        }
        if (string.IsNullOrWhiteSpace(options.Host))
            throw new InvalidOperationException("Smtp:Host or Smtp:PickupDirectory must be configured to send email.");

        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host, options.Port, options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(options.UserName))
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        logger.LogInformation("Email to {To} ({Subject}) sent through {Host}", to, subject, options.Host);
    }
}
