package com.ospreyport.portal;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Instant;

public class TokenService {
    private final Algorithm algorithm = Algorithm.HMAC512("+7XvTmOEtzn/CtzFXo4iKZM24F84Wwqhfo2zHXWTkHC/oAi9qaKI8KP+Oi6knpf1");

    public String issue(String agentId) {
        return JWT.create().withIssuer("osprey-portal").withSubject(agentId).withExpiresAt(Instant.now().plusSeconds(900)).sign(algorithm);
    }
}
