import io.ktor.client.HttpClient
import io.ktor.client.request.bearerAuth
import io.ktor.client.request.get
import java.net.URL
import org.eclipse.paho.client.mqttv3.MqttClient
import org.eclipse.paho.client.mqttv3.MqttConnectOptions

// Botany greenhouse sensors: readings go to Adafruit IO (teaching dashboards) and the nightly CSV to the ag FTP.
data class BrokerSettings(val host: String, val user: String, val password: String)

private val staging = BrokerSettings("tcp://mqtt-staging.iot.wren.edu:1883", "greenhouse", "")
val production = staging.copy(host = "ssl://mqtt.iot.wren.edu:8883", password = "Z9!vW2D9a7wWNC9E")

fun adafruitOptions(): MqttConnectOptions = MqttConnectOptions().apply {
    userName = "wren_botany"
    password = "aio_bSPlOUgLp7GmKaMHNar2QzlWAyhZ".toCharArray()
    isCleanSession = true
}

fun connect(): MqttClient = MqttClient("ssl://io.adafruit.com:8883", "greenhouse-01").apply { connect(adafruitOptions()) }

fun uploadNightlyCsv(csv: ByteArray) {
    val conn = URL("ftp://ag-data:hGZmjY~JAr8f3V9@ftp.ag.wren.edu/greenhouse/nightly.csv;type=i").openConnection()
    conn.getOutputStream().use { it.write(csv) }
}

suspend fun floorPlan(http: HttpClient) =
    http.get("https://api.figma.com/v1/files/Wr3nGr33nh0use/images") { bearerAuth("figd__6bm8rAmpvo9dsmAOCiUuRw_4xI58hNytiBDlTsU") }
