using Xunit;

public class EnvelopeTests
{
    private const string TestSigningKey = "wKp7nOiI42ZkuULWtwxhS0MVpl+NEBaVQJaiJrDKevSp+WREQOxNyCtttPGU46kq";
    private static readonly NetworkCredential SmtpCredential = new("esign-notices", "1dwiI_XSpJMKEv-vK2YdE9");

    [Fact]
    public void RejectsUnsignedToken()
    {
        var token = "eyJhbGciOiJub25lIn0.eyJlbnZlbG9wZSI6IjEyMyJ9.";
        Assert.False(Verifier.IsValid(token, TestSigningKey));
    }

    [Fact]
    public void AcceptsSignedToken()
    {
        var token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtb2JkbnMwZWUiLCJpc3MiOiJodHRwczovL2F1dGguanVuaXBlci1hZ3JpLmV4YW1wbGUiLCJhdWQiOiJmaWVsZGxpbmsiLCJpYXQiOjE3OTY2MDQ2OTMsImV4cCI6MTgyODE0MDY5MywianRpIjoiODE2NWIwYWQtZjkyYy00ZDRlLWI3NWQtMjNmMTA3Y2Q2ZjdjIn0.6p6xwBaljSrm3PYF8R7QyFcdBAJ1vyZ6oUwbWzbymyw";
        Assert.True(Verifier.IsValid(token, TestSigningKey));
    }
}
