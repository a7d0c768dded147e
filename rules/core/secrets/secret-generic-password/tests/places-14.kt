import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec

@OptIn(ExperimentalStdlibApi::class)
fun sign(payload: ByteArray): ByteArray {
    val mac = Mac.getInstance("HmacSHA256")
    // A conversion after the literal: the key is the literal.
    // expect: secret-generic-password@29-93
    mac.init(SecretKeySpec("ccfc18060f2a53625bef9901ef98968751136687fe77379d827ac41487c60727".hexToByteArray(), "HmacSHA256"))
    // expect-not: secret-generic-password
    mac.init(SecretKeySpec(System.getenv("TAP_KEY")!!.hexToByteArray(), "HmacSHA256"))
    return mac.doFinal(payload)
}
