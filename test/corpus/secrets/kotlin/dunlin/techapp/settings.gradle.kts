pluginManagement {
    repositories { google(); mavenCentral(); gradlePluginPortal() }
}
dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
        maven {
            url = uri("https://api.mapbox.com/downloads/v2/releases/maven")
            credentials {
                username = "mapbox"
                password = "sk.eyJ1IjoiZHVubGluLWZpZWxkIiwiYSI6ImNsbm44OXd4MmQ0MTAyaTBweDlreWx0Y3IifQ.dZSnhIDDs5d1leStRh0jwp"
            }
            authentication { create<BasicAuthentication>("basic") }
        }
        maven {
            url = uri("https://maven.pkg.github.com/dunlin-telecom/android-libs")
            credentials {
                username = "dunlin-ci"
                password = providers.gradleProperty("gpr.key").getOrElse("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")
            }
        }
    }
}
rootProject.name = "dunlin-tech"
include(":app")
