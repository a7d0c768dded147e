using System.Net;
using Lextm.SharpSnmpLib;
using Lextm.SharpSnmpLib.Messaging;
using Lextm.SharpSnmpLib.Security;
using Renci.SshNet;

namespace Dunlin.NetPoller;

/// <summary>Polls the OLTs' PON port counters over SNMPv3 (the LibreNMS poller is too slow for 5-minute billing).</summary>
public sealed class SnmpPoller
{
    private static readonly OctetString User = new("billing-poller");

    private readonly IAuthenticationProvider _auth =
        new SHA256AuthenticationProvider(new OctetString("cvgxmq4_HUbEh.24tZUx"));

    private IPrivacyProvider Privacy => new AESPrivacyProvider(new OctetString("zR3asZcbHX!vlo5o@@rb"), _auth);

    public async Task<IList<Variable>> PollAsync(IPEndPoint olt, IList<Variable> oids, CancellationToken ct)
    {
        var discovery = Messenger.GetNextDiscovery(SnmpType.GetRequestPdu);
        var report = await discovery.GetResponseAsync(olt, ct);
        var request = new GetRequestMessage(VersionCode.V3, Messenger.NextMessageId, Messenger.NextRequestId, User, oids, Privacy, Messenger.MaxMessageSize, report);
        var reply = await request.GetResponseAsync(olt, ct);
        return reply.Pdu().Variables;
    }

    public static string FetchRunningConfig(string host)
    {
        var key = new PrivateKeyFile("/etc/dunlin/olt_rsa", "qgPE85-1y.PhkeW2@6crYG");
        using var ssh = new SshClient(host, "oxidized", key);
        ssh.Connect();
        return ssh.RunCommand("show running-config").Result;
    }
}
