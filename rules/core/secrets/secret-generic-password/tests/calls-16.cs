using FluentFTP;
using Renci.SshNet;

// Batch 16 (learn16-calls): a type named for the secret it holds takes the literal as its last argument.
// expect: secret-generic-password@62-78
var sftpAuth = new PasswordAuthenticationMethod("uploader", "6jK2w-~F3mfvK~0!");
var conn = new ConnectionInfo("sftp.example.test", 22, "uploader", sftpAuth);

// A host, then a user, then a password: the place says password, so a less random literal is read too.
// expect: secret-generic-password@62-78
using var ftp = new FtpClient("nas.example.test", "reader", "Rb4~RRtwLq8n_Rwq");

// expect-not: secret-generic-password
var fromEnv = new PasswordAuthenticationMethod("uploader", Environment.GetEnvironmentVariable("SFTP_PASSWORD"));
// A folder's name after a user is no password.
// expect-not: secret-generic-password
using var share = new FtpClient("nas.example.test", "reader", "docs-folder-name");
// A field or a type named for a password holds none.
// expect-not: secret-generic-password
var field = new PasswordField(label, "6jK2w-~F3mfvK~0!");
