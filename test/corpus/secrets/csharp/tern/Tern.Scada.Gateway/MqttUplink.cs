using System.Security.Authentication;
using MQTTnet;
using MQTTnet.Client;

namespace Tern.Scada.Gateway;

/// <summary>Publishes RTU points from the substation gateway to the regional MQTT broker.</summary>
public sealed class MqttUplink : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttFactory().CreateMqttClient();

    public async Task ConnectAsync(string site, CancellationToken ct)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("mqtt.scada.tern.internal", 8883)
            .WithClientId($"gw-{site}")
            .WithCredentials("gw-uplink", "b!4W3uJks0BJgaxp^J3R")
            .WithTlsOptions(o => o.WithSslProtocols(SslProtocols.Tls13))
            .Build();
        await _client.ConnectAsync(options, ct);
    }

    /// <summary>Site keys for the legacy DNP3 secure-authentication shim, by environment.</summary>
    public static string UpdateKeyFor(string environment) => environment switch
    {
        "bench" => "99aacdbdceecfb2d1b87115e79b948fe",
        "production" => Environment.GetEnvironmentVariable("DNP3_UPDATE_KEY") ?? throw new InvalidOperationException("DNP3_UPDATE_KEY"),
        _ => throw new ArgumentOutOfRangeException(nameof(environment)),
    };

    public ValueTask DisposeAsync() => new(_client.DisconnectAsync());
}
