plugins {
    id("com.android.application")
    kotlin("android")
}

android {
    namespace = "com.juniper.field"
    signingConfigs {
        create("release") {
            storeFile = file("release.jks")
            keyAlias = "fieldapp"
            keyPassword = System.getenv("FIELD_KEY_PASSWORD")
        }
    }
    defaultConfig {
        buildConfigField("String", "SENTRY_DSN", "\"https://a1b2c3d4e5f60718293a4b5c6d7e8f90@o1.ingest.sentry.io/42\"")
    }
}

repositories {
    maven {
        url = uri("https://maven.pkg.github.com/juniper-agri/field-sdk")
        credentials {
            username = "juniper-ci"
            password = "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"
        }
    }
}
