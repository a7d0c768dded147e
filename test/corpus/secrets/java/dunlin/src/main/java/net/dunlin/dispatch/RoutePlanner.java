package net.dunlin.dispatch;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.google.maps.GeoApiContext;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** Plans the field technicians' day: geocodes the jobs and summarises the fault notes for the van tablet. */
public class RoutePlanner {

    private final GeoApiContext maps = new GeoApiContext.Builder()
        .apiKey("AIza28LcR9KyJ_tUf86hqGl0yJJ1vMJo8kajJZX")
        .queryRateLimit(40)
        .build();

    private final AnthropicClient notes = AnthropicOkHttpClient.builder()
        .apiKey("sk-ant-api03-9BxZk3Ni8F1whf4xZO3xxT3XpH_hqBGcFtaTYWKd_X-G1F8y8nLMERnfK0bafRErMgd-AI0T30MNLbm1QSQPjkfNAVzDOAA")
        .build();

    private final MongoClient jobs = MongoClients.create(
        new ConnectionString("mongodb+srv://dispatch:6AeVZdCiU7qI-S51nn_F@jobs.dunlin-dispatch.mongodb.net/?retryWrites=true"));
}
