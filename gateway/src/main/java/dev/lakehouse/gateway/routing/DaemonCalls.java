package dev.lakehouse.gateway.routing;

import dev.lakehouse.chassis.LakehouseHeaders;
import dev.lakehouse.chassis.internalauth.InternalToken;
import io.netty.channel.ChannelOption;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway's own calls to a daemon (the models list, the status page), with the internal
 * token and the caller's request id, each bounded by a short timeout. A failure is an answer
 * too: it says why, and the caller decides what to show.
 */
@Component
public class DaemonCalls {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Prometheus text with percentile histograms runs to a few hundred kilobytes per daemon. */
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final DaemonsProperties daemons;
    private final InternalToken token;
    private final WebClient client;

    DaemonCalls(DaemonsProperties daemons, InternalToken token, WebClient.Builder clients) {
        this.daemons = daemons;
        this.token = token;
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000).responseTimeout(TIMEOUT);
        this.client = clients.clone().clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY)).build();
    }

    /** What a daemon answered to {@code GET path}, or why it did not. */
    public record Answer(int status, String body, @Nullable String failure) {

        public boolean isOk() {
            return failure == null && status >= 200 && status < 300;
        }

        /** For people: "connection refused", "answered 503", ... */
        public String describe() {
            return failure != null ? failure : "answered " + status;
        }
    }

    public Mono<Answer> get(String daemon, String path, @Nullable String requestId) {
        DaemonRoute route = daemons.daemons().get(daemon);
        if (route == null) {
            return Mono.just(new Answer(0, "", "not configured"));
        }
        return client.get().uri(route.url() + path)
                .headers(headers -> {
                    headers.set(LakehouseHeaders.INTERNAL_TOKEN, token.value());
                    if (requestId != null) {
                        headers.set(LakehouseHeaders.REQUEST_ID, requestId);
                    }
                })
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(body -> new Answer(response.statusCode().value(), body, null)))
                .timeout(TIMEOUT.plusMillis(500))
                .onErrorResume(error -> Mono.just(new Answer(0, "", why(error))));
    }

    private static String why(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "no answer within " + TIMEOUT.toSeconds() + " s";
            }
        }
        return "unreachable (" + error.getClass().getSimpleName() + ")";
    }
}
