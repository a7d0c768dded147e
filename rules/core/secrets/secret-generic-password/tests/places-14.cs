using System.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Renci.SshNet;

public static class Places14
{
    public static SecureString PrinterPassword()
    {
        var secure = new SecureString();
        // A literal's characters appended to a SecureString.
        // expect: secret-generic-password@28-46
        foreach (var c in "k8dyO_A^^O33ryt!rn") secure.AppendChar(c);
        return secure;
    }

    public static void Upload()
    {
        // Host, port, user, then the password.
        // expect: secret-generic-password@80-98
        using var sftp = new SftpClient("files.example.test", 22, "uploader", "E7oh23znQ_FA2KFf65");
        // expect-not: secret-generic-password
        using var other = new SftpClient("files.example.test", 22, "uploader", Environment.GetEnvironmentVariable("SFTP_PASSWORD"));
    }
}

[TestClass]
public class ReaderTests
{
    [DataTestMethod]
    // A data row bound by position to a parameter named for a key.
    // expect: secret-generic-password@26-58
    [DataRow("SCI-204", "df1fb993b368d03024a05ad7244f9663")]
    public void Unlock(string door, string readerKey)
    {
    }

    [DataTestMethod]
    // expect-not: secret-generic-password
    [DataRow("SCI-204", "reader-key-of-the-north-door")]
    public void Names(string door, string readerKey)
    {
    }
}
