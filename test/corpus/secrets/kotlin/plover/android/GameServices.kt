package games.plover.arena.services

import android.content.Context
import com.google.android.libraries.places.api.Places
import io.agora.rtc2.RtcEngineConfig
import okhttp3.Request

/** Wires third-party SDKs at app start. */
object GameServices {
    private const val VOICE_APP_ID = "b8c99727831ff4246c8993846242adc2"

    fun init(context: Context) {
        Places.initialize(context, "AIza6P0zQFnsKkSwuicOvycZkQCHsHzrE21t2br")

        val voice = VoiceConfig(
            appId = VOICE_APP_ID,
            appCertificate = "9384ff714db6d159da8d7adf47473913",
        )
        RtcEngineConfig().apply { mAppId = voice.appId }
    }

    fun pushRequest(body: okhttp3.RequestBody): Request =
        Request.Builder()
            .url("https://fcm.googleapis.com/fcm/send")
            .addHeader("Authorization", "key=AAAAfkcf_6U:APA91blv2dGbFK58Ud-4wlg8rMQqohH6nfnMkk1nH9UW1P4ERkWhLpLBwnZha_8_F3Nl0M4CW4Glsx-6NLeYtWz_hEhA_Jvsr_LJG6Xl5j7T-m8_ylQ8Z91LwsPgG1bwNytTkp9OeSoR")
            .post(body)
            .build()

    val crashConfig = mutableMapOf<String, String>().apply {
        this["endpoint"] = "https://plover.sp.backtrace.io:6098"
        this["submissionToken"] = "5400204aa332e024cb2643d3b516fd9c36b649ee3c4fc0c36b3dd0180da4c833"
    }
}

data class VoiceConfig(val appId: String, val appCertificate: String)
