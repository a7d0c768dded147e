plugins {
    id("com.android.application")
    kotlin("android")
}

android {
    namespace = "tv.kestrel.stb"
    compileSdk = 34

    defaultConfig {
        applicationId = "tv.kestrel.stb"
        minSdk = 28
        targetSdk = 34
        versionCode = 4012
        buildConfigField("String", "CONVIVA_GATEWAY", "\"https://kestrel.testonly.conviva.com\"")
        buildConfigField("String", "ANALYTICS_API_KEY", "\"e5a1d8361cef690ef29e3c9a0d76f50348ca903d\"")
        buildConfigField("String", "FIREBASE_APP_ID", "\"1:884412:android:3c8f2a9d1e7b6c50\"")
    }

    signingConfigs {
        create("release") {
            storeFile = file("../keystores/release.jks")
            keyAlias = "kestrel-stb"
            keyPassword = System.getenv("STB_KEY_PASSWORD") ?: "QLh^TdomZ!uVrwE0rVtu"
        }
    }
}

repositories {
    maven {
        url = uri("https://maven.pkg.github.com/kestrel/stb-sdk")
        credentials {
            username = "kestrel-ci"
            password = "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"
        }
    }
}
