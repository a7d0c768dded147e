plugins {
    kotlin("jvm") version "2.0.20"
    id("com.github.triplet.play") version "3.10.1"
}

repositories {
    mavenCentral()
    maven {
        url = uri("https://nexus.puffin.internal/repository/maven-releases/")
        credentials {
            username = "gradle-ci"
            password = "VHVo9yGQ-weU94_B9k5l"
        }
    }
}

val sentryAuthToken: String = providers.gradleProperty("sentryAuthToken").getOrElse("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")

tasks.register<Exec>("publishReleaseNotes") {
    commandLine("curl", "-fsS", "-H", "Authorization: Bearer ${System.getenv("RELEASE_NOTES_TOKEN")}", "https://notes.puffin.internal/api")
}
