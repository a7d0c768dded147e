using System.Net.Http.Headers;
using System.Security;
using Renci.SshNet;

namespace Wren.DoorAccess;

public sealed record LenelOptions(string BaseUrl, string Username, string ApplicationId)
{
    public string Password { get; init; } = "";
    public string DirectoryId { get; init; } = "id-1";
}

// OnGuard OpenAccess client used by the door schedule service. The kiosk build uses the defaults below.
public sealed class LenelClient(HttpClient http, string openAccessPassword = "n!Lu20ZrR*MUfI")
{
    private static readonly LenelOptions Defaults = new("https://onguard.wren.internal/api/access/onguard/openaccess", "svc-doorsched", "APPID-WREN-DOORS");

    public static LenelOptions Production => Defaults with { Password = "YbKC-V5iVKl5qLZGiqxA" };

    public async Task<string> LoginAsync(CancellationToken ct)
    {
        var body = new { user_name = Defaults.Username, password = openAccessPassword, directory_id = Defaults.DirectoryId };
        using var resp = await http.PostAsJsonAsync("authentication?version=1.0", body, ct);
        resp.EnsureSuccessStatusCode();
        return (await resp.Content.ReadFromJsonAsync<SessionDto>(cancellationToken: ct))!.SessionToken;
    }

    // The badge printer's legacy SDK still wants a SecureString.
    public static SecureString BadgePrinterPassword()
    {
        var secure = new SecureString();
        foreach (var c in "AR7tciMhuR6UT-QK") secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public static void UploadPhotos(string folder)
    {
        using var sftp = new SftpClient("photos.card.wren.internal", 22, "cardphoto", "eq-TMJmDotE54USt");
        sftp.Connect();
        foreach (var file in Directory.EnumerateFiles(folder, "*.jpg"))
        {
            using var stream = File.OpenRead(file);
            sftp.UploadFile(stream, "/incoming/" + Path.GetFileName(file));
        }
    }

    private sealed record SessionDto(string SessionToken);
}
