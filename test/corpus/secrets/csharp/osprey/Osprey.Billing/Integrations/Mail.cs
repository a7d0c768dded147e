using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Osprey.Billing.Integrations;

public sealed class InvoiceMailer
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("smtp.osprey-port.com", 587, SecureSocketOptions.StartTls, ct);
        await client.AuthenticateAsync("invoices@osprey-port.com", "yVf5O-+^5R5sR3pdgb", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
