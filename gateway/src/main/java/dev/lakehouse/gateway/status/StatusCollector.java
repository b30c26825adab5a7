package dev.lakehouse.gateway.status;

import dev.lakehouse.gateway.health.DaemonHealth;
import dev.lakehouse.gateway.health.SuiteHealth;
import dev.lakehouse.gateway.health.SuiteHealthProbe;
import dev.lakehouse.gateway.routing.DaemonCalls;
import dev.lakehouse.gateway.routing.DaemonCalls.Answer;
import dev.lakehouse.gateway.status.StatusReport.BreakerView;
import dev.lakehouse.gateway.status.StatusReport.CacheView;
import dev.lakehouse.gateway.status.StatusReport.CollectionView;
import dev.lakehouse.gateway.status.StatusReport.DaemonView;
import dev.lakehouse.gateway.status.StatusReport.JobView;
import dev.lakehouse.gateway.status.StatusReport.Section;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gathers the status page's report, all calls in parallel, each bounded: the suite's health,
 * then per daemon its actuator info and Prometheus metrics, vectord's collections,
 * materializerd's and replayd's recent runs, and the lake's disk use.
 */
@Component
class StatusCollector {

    static final String GATEWAY = "gateway";

    private final SuiteHealthProbe health;
    private final DaemonCalls daemons;
    private final ObjectProvider<PrometheusMeterRegistry> ownMetrics;
    private final GatewayInfo ownInfo;
    private final LakeUsageMeter lake;
    private final StatusProperties properties;
    private final JsonMapper json;
    private final ScrapeMemory memory = new ScrapeMemory();
    private final Clock clock = Clock.systemUTC();

    StatusCollector(SuiteHealthProbe health, DaemonCalls daemons, ObjectProvider<PrometheusMeterRegistry> ownMetrics,
            GatewayInfo ownInfo, LakeUsageMeter lake, StatusProperties properties, JsonMapper json) {
        this.health = health;
        this.daemons = daemons;
        this.ownMetrics = ownMetrics;
        this.ownInfo = ownInfo;
        this.lake = lake;
        this.properties = properties;
        this.json = json;
    }

    Mono<StatusReport> collect(String requestId) {
        // Shared by the two subscribers below: the daemons are probed once per rendering.
        Mono<SuiteHealth> suite = health.check().cache();
        Mono<List<DaemonData>> data = suite.flatMapMany(s -> Flux.fromIterable(s.daemons()))
                .flatMapSequential(daemon -> gather(daemon, requestId)).collectList();
        Mono<Section<CollectionView>> collections = list("vectord", "/v1/collections", requestId, JsonLists::collection, Integer.MAX_VALUE);
        Mono<Section<JobView>> materializations = list("materializerd", "/v1/materializations", requestId, JsonLists::job,
                properties.recentItems());
        Mono<Section<JobView>> replays = list("replayd", "/v1/replays", requestId, JsonLists::job, properties.recentItems());
        Mono<StatusReport.LakeUsage> usage = Mono.fromCallable(lake::usage).subscribeOn(Schedulers.boundedElastic());
        return Mono.zip(suite, data, collections, materializations, replays, usage).map(all -> new StatusReport(
                clock.instant(), all.getT1().status(), all.getT2().stream().map(DaemonData::view).toList(),
                all.getT2().stream().flatMap(d -> d.breakers().stream()).toList(), caches(all.getT2()),
                all.getT3(), all.getT6(), all.getT4(), all.getT5()));
    }

    private Mono<DaemonData> gather(DaemonHealth daemon, String requestId) {
        if (daemon.name().equals(GATEWAY)) {
            return Mono.fromCallable(() -> ownData(daemon)).subscribeOn(Schedulers.boundedElastic());
        }
        if (daemon.details().containsKey("error")) {
            memory.forget(daemon.name());
            return Mono.just(DaemonData.of(daemon, null, null, null));
        }
        return Mono.zip(daemons.get(daemon.name(), "/actuator/info", requestId),
                        daemons.get(daemon.name(), "/actuator/prometheus", requestId))
                .map(answers -> {
                    Scrape scrape = answers.getT2().isOk() ? Scrape.of(clock.instant(), answers.getT2().body()) : null;
                    Scrape previous = scrape == null ? null : memory.exchange(daemon.name(), scrape);
                    return DaemonData.of(daemon, json(answers.getT1()), scrape, previous);
                });
    }

    private DaemonData ownData(DaemonHealth daemon) {
        PrometheusMeterRegistry registry = ownMetrics.getIfAvailable();
        Scrape scrape = registry == null ? null : Scrape.of(clock.instant(), registry.scrape());
        Scrape previous = scrape == null ? null : memory.exchange(GATEWAY, scrape);
        return DaemonData.of(daemon, ownInfo.asJson(json), scrape, previous);
    }

    private <T> Mono<Section<T>> list(String daemon, String path, String requestId, Function<JsonNode, T> item, int max) {
        return daemons.get(daemon, path, requestId).map(answer -> {
            JsonNode body = json(answer);
            if (!answer.isOk() || body == null) {
                return Section.unavailable(daemon + " " + answer.describe());
            }
            return new Section<>(JsonLists.items(body).limit(max).map(item).toList(), null);
        });
    }

    private static List<CacheView> caches(List<DaemonData> all) {
        return Stream.of(EmbedCaches.values()).map(cache -> cache.from(all.stream()
                .filter(d -> d.view().name().equals(cache.daemon())).findFirst().map(DaemonData::scrape).orElse(null)))
                .toList();
    }

    private @Nullable JsonNode json(Answer answer) {
        if (!answer.isOk()) {
            return null;
        }
        try {
            return json.readTree(answer.body());
        } catch (JacksonException e) {
            return null;
        }
    }

    /** What was learnt about one daemon. */
    record DaemonData(DaemonView view, List<BreakerView> breakers, @Nullable Scrape scrape) {

        static DaemonData of(DaemonHealth health, @Nullable JsonNode info, @Nullable Scrape scrape, @Nullable Scrape previous) {
            Object error = health.details().get("error");
            DaemonView view = new DaemonView(health.name(), health.status(), health.url(),
                    health.isUp() ? null : error != null ? error.toString() : "reports " + health.status(),
                    info == null ? null : text(info.path("build").path("version")),
                    info == null ? null : commit(info.path("git").path("commit").path("id")),
                    scrape == null ? java.util.OptionalDouble.empty() : scrape.sum(Traffic.UPTIME),
                    scrape == null ? Traffic.UNKNOWN : Traffic.between(previous, scrape));
            List<BreakerView> breakers = new ArrayList<>();
            if (scrape != null) {
                scrape.all("resilience4j_circuitbreaker_state").stream().filter(sample -> sample.value() == 1)
                        .forEach(sample -> breakers.add(new BreakerView(health.name(), sample.label("name"), sample.label("state"))));
            }
            return new DaemonData(view, breakers, scrape);
        }

        private static @Nullable String text(JsonNode node) {
            return node.isValueNode() ? node.asString() : null;
        }

        private static @Nullable String commit(JsonNode id) {
            String full = id.isString() ? id.asString() : id.path("abbrev").isString() ? id.path("abbrev").asString() : null;
            return full == null ? null : full.substring(0, Math.min(7, full.length()));
        }
    }
}
