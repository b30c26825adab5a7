package dev.lakehouse.gateway.health;

import dev.lakehouse.gateway.routing.DaemonRoute;
import dev.lakehouse.gateway.routing.DaemonsProperties;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/** Asks every daemon's actuator health in parallel, each bounded by a short timeout. */
@Component
public class SuiteHealthProbe {

    static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final DaemonsProperties daemons;
    private final WebClient client;
    private final HealthEndpoint ownHealth;
    private final ObjectProvider<BuildProperties> build;
    private final Environment environment;

    SuiteHealthProbe(DaemonsProperties daemons, WebClient.Builder clients, HealthEndpoint ownHealth,
            ObjectProvider<BuildProperties> build, Environment environment) {
        this.daemons = daemons;
        // No connection pool: a probe every few seconds gains nothing from pooling, and a pooled
        // connection the daemon has closed would report a healthy daemon as unreachable.
        HttpClient unpooled = HttpClient.create(ConnectionProvider.newConnection())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT.toMillis());
        this.client = clients.clone().clientConnector(new ReactorClientHttpConnector(unpooled)).build();
        this.ownHealth = ownHealth;
        this.build = build;
        this.environment = environment;
    }

    public Mono<SuiteHealth> check() {
        Mono<DaemonHealth> gateway = Mono.fromCallable(this::gateway).subscribeOn(Schedulers.boundedElastic());
        Flux<DaemonHealth> others = Flux.fromIterable(daemons.daemons().entrySet())
                .flatMapSequential(entry -> probe(entry.getKey(), entry.getValue()));
        return Flux.concat(gateway, others).collectList().map(SuiteHealth::of);
    }

    private DaemonHealth gateway() {
        long start = System.nanoTime();
        String status = ownHealth.health().getStatus().getCode();
        Map<String, Object> details = new LinkedHashMap<>();
        BuildProperties properties = build.getIfAvailable();
        if (properties != null) {
            details.put("version", properties.getVersion());
        }
        // local.server.port is known only once the server runs (it differs from server.port=0 in tests).
        String ownUrl = environment.getProperty("lakehouse.gateway.public-url",
                "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
        return new DaemonHealth("gateway", status, ownUrl, elapsedMs(start), details);
    }

    private Mono<DaemonHealth> probe(String name, DaemonRoute daemon) {
        String url = daemon.url().toString();
        long start = System.nanoTime();
        return client.get().uri(url + "/actuator/health")
                .exchangeToMono(response -> response.bodyToMono(JsonNode.class)
                        .map(body -> fromBody(name, url, body, elapsedMs(start)))
                        .defaultIfEmpty(new DaemonHealth(name, DaemonHealth.DOWN, url, elapsedMs(start),
                                Map.of("error", "empty health answer, HTTP " + response.statusCode().value()))))
                .timeout(TIMEOUT)
                .onErrorResume(error -> Mono.just(failed(name, url, error, elapsedMs(start))));
    }

    private static DaemonHealth fromBody(String name, String url, JsonNode body, long latencyMs) {
        String status = body.path("status").asString("UNKNOWN");
        Map<String, Object> components = new LinkedHashMap<>();
        body.path("components").properties().forEach(entry ->
                components.put(entry.getKey(), entry.getValue().path("status").asString("UNKNOWN")));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("components", components);
        return new DaemonHealth(name, "UP".equals(status) ? DaemonHealth.UP : DaemonHealth.DOWN, url, latencyMs, details);
    }

    private static DaemonHealth failed(String name, String url, Throwable error, long latencyMs) {
        List<String> chain = new ArrayList<>();
        boolean refused = false;
        for (Throwable t = error; t != null; t = t.getCause()) {
            refused |= t instanceof ConnectException && String.valueOf(t.getMessage()).contains("refused");
            if (t.getMessage() != null && !chain.contains(t.getMessage())) {
                chain.add(t.getMessage());
            }
        }
        String reason = error instanceof java.util.concurrent.TimeoutException
                ? "no answer within " + TIMEOUT.toMillis() + " ms"
                : refused ? "connection refused: nothing listens on " + url
                : chain.isEmpty() ? error.getClass().getSimpleName() : chain.getLast();
        return new DaemonHealth(name, refused ? DaemonHealth.DOWN : DaemonHealth.UNREACHABLE, url, latencyMs,
                Map.of("error", reason));
    }

    private static long elapsedMs(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
