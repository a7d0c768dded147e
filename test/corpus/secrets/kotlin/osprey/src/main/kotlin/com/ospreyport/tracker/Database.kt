package com.ospreyport.tracker

import com.zaxxer.hikari.HikariConfig
import com.zaxxer.hikari.HikariDataSource
import org.jetbrains.exposed.sql.Database

object Databases {
    val ais: Database by lazy {
        Database.connect(
            url = "jdbc:postgresql://pg-ais.osprey.internal:5432/ais",
            driver = "org.postgresql.Driver",
            user = "exposed",
            password = "fzxe0PS2nC4tm0%rKmp.A0",
        )
    }

    val tariffs: HikariDataSource by lazy {
        HikariDataSource(HikariConfig().apply {
            jdbcUrl = "jdbc:mariadb://mariadb-tariffs.osprey.internal:3306/tariffs"
            username = "tariffs"
            password = "ovzm4sZdHin2bi3e4jIK"
            maximumPoolSize = 4
        })
    }

    val reports = Database.connect("jdbc:mysql://mysql-reports.osprey.internal:3306/reports?user=reporter&password=nyY.hltzK7WKOmXpBp&useSSL=true")
}
