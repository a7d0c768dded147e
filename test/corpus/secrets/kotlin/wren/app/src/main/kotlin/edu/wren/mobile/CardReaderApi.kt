package edu.wren.mobile

import io.ktor.client.HttpClient
import io.ktor.client.engine.okhttp.OkHttp
import io.ktor.client.plugins.defaultRequest
import io.ktor.client.request.header
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec
import retrofit2.http.GET
import retrofit2.http.Headers
import retrofit2.http.Path

/** Door and meal-plan endpoints the mobile wallet calls when a student taps their phone on a reader. */
interface CardReaderApi {
    @Headers("Accept: application/json", "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJ3cmVuLWNhcmQtYXBpIiwic3ViIjoiYWx1bW5pLWdpdmluZyIsImF1ZCI6ImNhcmRhY2Nlc3MiLCJpYXQiOjE3OTY3OTkxMjAsImV4cCI6MTc5NjgwMjcyMCwic2NvcGUiOiJyb3N0ZXI6cmVhZCJ9.J8s_YnEUAeRWQWnvnRLDsEuocq0dP9zE37E6BXwpTTQ")
    @GET("v2/readers/{readerId}/status")
    suspend fun readerStatus(@Path("readerId") readerId: String): ReaderStatus
}

val libraryGateClient = HttpClient(OkHttp) {
    defaultRequest {
        url("https://gates.library.wren.edu/api/")
        header("X-Gate-Api-Key", "jaAIbck0nNl2Mib6cBwoSug5i7wRSWGk")
    }
}

fun offlineTapHeaders(studentId: String): Map<String, String> = buildMap {
    put("X-Student-Id", studentId)
    put("X-Offline-Tap-Secret", "OLC8Zcldi5rbHHX7pkiOnKC4VTKyH1Uv")
}

@OptIn(ExperimentalStdlibApi::class)
fun signTap(payload: ByteArray): ByteArray {
    val mac = Mac.getInstance("HmacSHA256")
    mac.init(SecretKeySpec("58e3dd93279a316cb811ca5cd9f4763b755b9700dc7daf0ee0b13ffb6f4f154b".hexToByteArray(), "HmacSHA256"))
    return mac.doFinal(payload)
}

data class ReaderStatus(val online: Boolean, val firmware: String)
