package com.ospreyport.portal;

import io.lettuce.core.RedisURI;
import io.vertx.pgclient.PgConnectOptions;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

public class CacheConfig {

    JedisPool berthLocks() {
        return new JedisPool(new JedisPoolConfig(), "redis.osprey.internal", 6379, 2000, "WkLStVsT907HDOEv2einRxB3");
    }

    RedisURI vesselCache() {
        return RedisURI.Builder.redis("redis-vessels.osprey.internal", 6380)
                .withSsl(true)
                .withPassword(System.getenv("VESSEL_CACHE_PASSWORD").toCharArray())
                .build();
    }

    PgConnectOptions aisReadModel() {
        return new PgConnectOptions()
                .setHost("pg-ais.osprey.internal")
                .setDatabase("ais")
                .setUser("vertx")
                .setPassword(System.getenv("AIS_DB_PASSWORD"));
    }
}
