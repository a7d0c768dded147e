using System;
using Azure.Storage;
using MailKit.Net.Smtp;
using RestSharp.Authenticators;

// A literal in the credential position of a call whose name says it logs in: the library does not matter.
class LoginCalls
{
    // expect: secret-generic-password@72-90
    IAuthenticator Tracker() => new HttpBasicAuthenticator("tracker", "RL-2Qy~Cw--A~RrYij");

    async Task Send(SmtpClient smtp, CancellationToken ct)
    {
        // expect: secret-generic-password@62-80
        await smtp.AuthenticateAsync("alerts@tugboat.test", "EeR6G-ZOcgLnXIOjL~", ct);
        // Traps: the password from the environment, a variable, a stand-in.
        // expect-not: secret-generic-password
        await smtp.AuthenticateAsync("alerts@tugboat.test", Environment.GetEnvironmentVariable("SMTP_PASSWORD"), ct);
        // expect-not: secret-generic-password
        await smtp.AuthenticateAsync(user, password, ct);
        // expect-not: secret-generic-password
        await smtp.AuthenticateAsync("alerts@tugboat.test", "<smtp-password>", ct);
    }

    // expect: secret-generic-password@95-139
    StorageSharedKeyCredential Archive() => new StorageSharedKeyCredential("tugboatarchive", "9TDkrWDmHL6lbSUdPxVIweYUoV29kxJnh7HwYQSj9LM=");

    // A stored credential looked up by its names is no secret.
    // expect-not: secret-generic-password
    object Lookup(ICredentialStore store) => store.GetCredential("tugboat-archive", "storage-account");

    // Hangfire's dashboard user keeps the password in clear under `PasswordClear`.
    // expect: secret-generic-password@92-110
    object Dashboard() => new BasicAuthAuthorizationUser { Login = "ops", PasswordClear = "dBZ0oU6bj94pkCxZNV" };
}
