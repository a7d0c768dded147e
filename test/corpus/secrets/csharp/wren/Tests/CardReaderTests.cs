using Microsoft.VisualStudio.TestTools.UnitTesting;
using Wren.DoorAccess;

namespace Wren.DoorAccess.Tests;

[TestClass]
public class CardReaderTests
{
    private const string ReaderApiKeyHeader = "X-Reader-Api-Key";

    [DataTestMethod]
    [DataRow("SCI-204", "298c6dcfcb50a936e30db5f36ed55b2c")]
    public void Unlock_signs_request(string door, string readerKey)
    {
        var signed = RequestSigner.Sign($"unlock:{door}", readerKey);
        Assert.AreEqual(64, signed.Length);
    }

    [TestMethod]
    public void Controller_rejects_wrong_site_code()
    {
        var controller = new DoorController(siteCode: 117, masterKey: TestKeys.Master);
        Assert.IsFalse(controller.Accepts(siteCode: 118));
        Assert.AreEqual("X-Reader-Api-Key", ReaderApiKeyHeader);
    }
}
