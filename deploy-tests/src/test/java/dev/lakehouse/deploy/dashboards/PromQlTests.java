package dev.lakehouse.deploy.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTests {

    @Test
    void findsTheMetricInsideFunctionsAggregationsAndRanges() {
        String expression = "histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket"
                + "{application=\"embedd\", instance=~\"$instance\"}[$__rate_interval])))";

        assertThat(PromQl.metricNames(expression)).containsExactly("http_server_requests_seconds_bucket");
    }

    @Test
    void findsEveryOperandOfABinaryExpression() {
        String expression = "sum(rate(lakehouse_embedd_cache_hits_total{application=\"embedd\"}[5m])) / "
                + "(sum(rate(lakehouse_embedd_cache_hits_total[5m])) + sum(rate(lakehouse_embedd_cache_misses_total[5m])))";

        assertThat(PromQl.metricNames(expression))
                .containsExactly("lakehouse_embedd_cache_hits_total", "lakehouse_embedd_cache_misses_total");
    }

    @Test
    void ignoresLabelNamesValuesKeywordsAndNumbers() {
        String expression = "max by (name, state) (resilience4j_circuitbreaker_state{state!=\"closed\", name=~\"a|b\"})"
                + " > bool 0 and on (instance) jvm_threads_live_threads / 1000 offset 5m";

        assertThat(PromQl.metricNames(expression))
                .containsExactly("jvm_threads_live_threads", "resilience4j_circuitbreaker_state");
    }

    @Test
    void selectorsAreTheLabelMatcherBlocks() {
        String expression = "a{application=\"x\"} / b{application=\"x\", status=~\"5..\"}";

        assertThat(PromQl.selectors(expression))
                .containsExactlyInAnyOrder("{application=\"x\"}", "{application=\"x\", status=~\"5..\"}");
    }
}
