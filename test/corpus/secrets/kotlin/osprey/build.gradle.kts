plugins {
    kotlin("jvm") version "2.0.21"
    id("org.sonarqube") version "5.1.0.4882"
    application
}

sonar {
    properties {
        property("sonar.projectKey", "osprey_vessel-tracker")
        property("sonar.host.url", "https://sonarcloud.io")
        property("sonar.token", "squ_fe75cb00ce11dd3d706d29bf4dbdb800b776e39e")
    }
}

dependencies {
    implementation("org.jetbrains.exposed:exposed-jdbc:0.55.0")
    implementation("org.http4k:http4k-client-okhttp:5.32.0.0")
}
