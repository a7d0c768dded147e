package com.ospreyport.portal;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.web.client.RestTemplate;

public class FeedClients {

    public RestTemplate tideTables(RestTemplateBuilder builder) {
        return builder
                .rootUri("https://tides.hydrographic.example/api")
                .basicAuthentication("osprey",
                        "5KbDd^bVswfFS^Epp6Ev")
                .build();
    }

    public BasicCredentialsProvider pilotageCredentials() {
        BasicCredentialsProvider provider = new BasicCredentialsProvider();
        provider.setCredentials(new AuthScope("pilotage.portauthority.example", 443),
                new UsernamePasswordCredentials("osprey-pilot", "NhPIkdOW=mNlEk2o5c".toCharArray()));
        return provider;
    }
}
