package net.dunlin.tech

import android.content.Context
import androidx.room.Room
import net.sqlcipher.database.SupportFactory
import okhttp3.OkHttpClient
import retrofit2.Retrofit
import retrofit2.converter.moshi.MoshiConverterFactory

object AppModule {
    private const val DISPATCH_URL = "https://dispatch.dunlin.net/api/"

    fun jobsDb(context: Context): JobsDatabase =
        Room.databaseBuilder(context, JobsDatabase::class.java, "jobs.db")
            .openHelperFactory(SupportFactory("lEV87Mj_oL1o8Du7zS.WJQ@C".toByteArray()))
            .build()

    val http: OkHttpClient = OkHttpClient.Builder()
        .addInterceptor { chain ->
            chain.proceed(
                chain.request().newBuilder()
                    .header("X-Dispatch-Key", "ofCGTQLMNc521Vy2zAVVM5jLUIZanGWyg3GJWdLq")
                    .build(),
            )
        }
        .build()

    val api: DispatchApi = Retrofit.Builder()
        .baseUrl(DISPATCH_URL)
        .client(http)
        .addConverterFactory(MoshiConverterFactory.create())
        .build()
        .create(DispatchApi::class.java)
}
