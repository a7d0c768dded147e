package com.ospreyport.tracker

import kotlin.test.Test
import kotlin.test.assertFalse

class AuthTest {
    private val expiredAgentToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGgub3NwcmV5LXBvcnQuY29tIiwic3ViIjoiYWdlbnQtMjIxMCIsImF1ZCI6Im9zcHJleS1wb3J0YWwiLCJpYXQiOjE3OTQ1OTI4OTcsImV4cCI6MTc5NDU5Mjk1NywianRpIjoiMWE0MTEzZmYtNDA2MS00MDE5LWFjMzEtY2ZkZmE2NDkxZTY5In0.MACH13S84i-bNLBJnUxOWClJeuTyizw3RuO5J3y6KzA"

    @Test
    fun `expired tokens are refused`() {
        assertFalse(TokenVerifier(clock = FixedClock.now).isValid(expiredAgentToken))
    }
}
