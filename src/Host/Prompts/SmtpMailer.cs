using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using ProcessEngine.HostStore.Mail;

namespace ProcessEngine.Host.Prompts;

/// <summary>Opens connections to the configured SMTP server (MailKit). One connection carries a whole dispatch run.</summary>
public sealed class SmtpMailer(IOptions<PromptOptions> options, TimeProvider clock)
{
    public bool IsConfigured => options.Value.Smtp.IsConfigured;

    public async Task<SmtpSession> ConnectAsync(CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            return new SmtpSession(client, MailboxAddress.Parse(smtp.From), clock);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}

/// <summary>An open SMTP connection. Disposing it says QUIT when the server is still there.</summary>
public sealed class SmtpSession(SmtpClient client, MailboxAddress from, TimeProvider clock) : IAsyncDisposable
{
    public bool IsConnected => client.IsConnected;

    public async Task SendAsync(OutboxMessage row, CancellationToken ct)
    {
        using var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(row.Recipient));
        message.Subject = row.Subject;
        message.Date = clock.GetUtcNow();
        // The outbox id as Message-ID: should a lease run out mid-send and the row go twice, mail clients see one message.
        message.MessageId = $"{row.Id:N}@processengine";
        message.Body = new TextPart("plain") { Text = row.Body };
        await client.SendAsync(message, ct);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true);
        }
        catch (Exception)
        {
            // The server went away; there is nothing left to close politely.
        }
        client.Dispose();
    }
}
