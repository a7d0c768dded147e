// GenieACS provision "bootstrap-cpe": runs on every 0 BOOTSTRAP inform from a residential router.
// Sets the connection-request credentials the ACS uses to reach the CPE, and the staff Wi-Fi on demo units.
const now = Date.now();
const serial = declare("DeviceID.SerialNumber", { value: 1 }).value[0];

declare("InternetGatewayDevice.ManagementServer.ConnectionRequestUsername", { value: now }, { value: serial });
declare("InternetGatewayDevice.ManagementServer.ConnectionRequestPassword", { value: now },
  { value: "e8UIrY4hLK1JWx.8Yg~z" });

// PPPoE fallback for units shipped before the RADIUS migration

if (serial.startsWith("DLNDEMO")) {
  declare("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.1.KeyPassphrase", null, {
    value: "vye+RBG-7F8xUX1ZCS5m",
  });
}

declare("InternetGatewayDevice.ManagementServer.PeriodicInformInterval", { value: now }, { value: 3600 });
