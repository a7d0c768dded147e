namespace Meridian.Claims;

public sealed class ClearinghouseOptions
{
    public const string SectionName = "Clearinghouse";
    public string BaseUrl { get; set; } = "https://edi.clearinghouse.example";
    public string SubmitterId { get; set; } = "MERID01";
    public string SftpPassword { get; set; } = "MSTSSJZIMHdf2QgHtS~ySKq";
    public int PasswordRotationDays { get; set; } = 60;
    public string SecretName { get; set; } = "clearinghouse-sftp";
}

public static class PartnerKeys
{
    private static readonly Dictionary<string, string> ByPartner = new()
    {
        ["riverside"] = "07082af256247eb6229b4e4470ea8f8f8b1026d4b673961ee968fc8c58732efe",
    };

    public static readonly string WebhookSigningSecret = "8f742ab495eb51ac487d87a8e5b5a89cb469efd55e1d5275eeaefe3f4d0f39f2";
}
