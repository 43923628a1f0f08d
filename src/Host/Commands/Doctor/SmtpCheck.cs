using MailKit.Security;

namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>Task prompts carry names, task titles and links: towards another machine they go over TLS that cannot be stripped.</summary>
public sealed class SmtpCheck : IDoctorCheck
{
    private const string Area = "SMTP";
    private const string RequireTls = "set Prompts__Smtp__Security=StartTls (or SslOnConnect for port 465).";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var smtp = context.Configuration.GetSection("Prompts:Smtp");
        var host = smtp["Host"];
        return Task.FromResult<IReadOnlyList<DoctorFinding>>([string.IsNullOrWhiteSpace(host) ? NoHost() : Security(host.Trim(), smtp)]);
    }

    private static DoctorFinding NoHost() => DoctorFinding.Warning(Area, "no Prompts:Smtp:Host: task prompts wait in the outbox and nobody gets an e-mail.",
        "set Prompts__Smtp__Host (and Prompts__Smtp__Port) to the mail relay.");

    private static DoctorFinding Security(string host, IConfigurationSection smtp)
    {
        var text = smtp["Security"] is { Length: > 0 } given ? given.Trim() : nameof(SecureSocketOptions.StartTls);
        if (!Enum.TryParse<SecureSocketOptions>(text, ignoreCase: true, out var security) || !Enum.IsDefined(security) || int.TryParse(text, out _))
            return DoctorFinding.Blocking(Area, $"Prompts:Smtp:Security '{text}' is not one of StartTls, SslOnConnect, StartTlsWhenAvailable, Auto, None.", RequireTls);
        var port = smtp.GetValue("Port", 25);
        return security switch
        {
            SecureSocketOptions.None when DoctorFiles.IsLoopback(host) => DoctorFinding.Ok(Area, $"{host}:{port} without TLS: a relay on this machine."),
            SecureSocketOptions.None => DoctorFinding.Blocking(Area,
                $"Prompts:Smtp:Security is None towards {host}: prompts go over the network in clear text.", RequireTls),
            // MailKit's Auto is SslOnConnect on 465 and StartTlsWhenAvailable elsewhere.
            SecureSocketOptions.StartTlsWhenAvailable or SecureSocketOptions.Auto when security != SecureSocketOptions.Auto || port != 465 =>
                DoctorFinding.Warning(Area, $"Prompts:Smtp:Security is {security} towards {host}:{port}: whoever sits in between can strip STARTTLS and read the prompts.",
                    RequireTls),
            _ => DoctorFinding.Ok(Area, $"{host}:{port} with {security}."),
        };
    }
}
