plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
    id("io.sentry.android.gradle") version "4.14.1"
}

android {
    namespace = "bio.avocet.collect"
    compileSdk = 35
    defaultConfig {
        applicationId = "bio.avocet.collect"
        minSdk = 28
        versionCode = 41
        versionName = "2.6.0"
    }
    signingConfigs {
        create("release") {
            storeFile = file("../keystore/collect-release.jks")
            storePassword = System.getenv("COLLECT_STORE_PASSWORD")
            keyAlias = "collect"
            keyPassword = providers.gradleProperty("collectKeyPassword").getOrElse("2_mWKT+6mUsgbzcoJMbS")
        }
    }
}

sentry {
    org.set("avocet-bio")
    projectName.set("collect-android")
    authToken.set("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")
    includeSourceContext.set(true)
}
