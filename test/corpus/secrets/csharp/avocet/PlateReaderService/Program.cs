using System.Net.Http.Headers;
using FluentFTP;
using Microsoft.Data.Sqlite;
using Renci.SshNet;

var builder = Host.CreateApplicationBuilder(args);

// Plate reader PCs export .xlsx results to a local folder; this service ships them to the LIMS.
builder.Services.Configure<SmtpOptions>(o =>
{
    o.Host = "smtp.office365.com";
    o.User = "platereader-alerts@avocet.bio";
    o.Password = "4ilC_yjkOyf3rmmICE";
});

builder.Services.AddHttpClient("figma", c =>
{
    c.BaseAddress = new Uri("https://api.figma.com/v1/");
});

var design = new HttpClient
{
    BaseAddress = new Uri("https://api.figma.com/v1/"),
    DefaultRequestHeaders = { { "X-Figma-Token", "figd_el1qQ4NacB6LsV_UwqXWjfyMOCFnzW6M_mbRCM_j" } },
};

var okta = new HttpClient { BaseAddress = new Uri("https://avocet.okta.com/api/v1/") };
okta.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("SSWS", "00JjMi_xuHb_L7sn-2GrO5d_cOndgls3ABPl0Xus0S");

var queue = new SqliteConnection("Data Source=C:\\ProgramData\\Avocet\\outbox.db;Password=0h6550Lh1jUlp8pmMpbWYtQQ");

var sftpAuth = new PasswordAuthenticationMethod("platereader", "1.gQW0wmE0ZT-oOu");
var conn = new ConnectionInfo("sftp.avocet.bio", 22, "platereader", sftpAuth);

using var ftp = new FtpClient("nas-lab2.avocet.bio", "reader", "Pv6R~ZPPAwWvw6i_");

builder.Services.AddHostedService<ExportWatcher>();
builder.Build().Run();

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
}
