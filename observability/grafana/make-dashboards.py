#!/usr/bin/env python3
"""Writes one Grafana dashboard per daemon into observability/grafana/dashboards/.

The dashboards are generated so that the seven stay alike: the same rows for HTTP traffic and
the JVM, then each daemon's own metrics. Edit the panel lists below and run
`python3 observability/grafana/make-dashboards.py`; deploy-tests checks that every metric a
dashboard queries exists in the daemon's live /actuator/prometheus.
"""
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parent / "dashboards"
SEL = 'application="{d}", instance=~"$instance"'


def target(expr, legend, ref):
    return {"datasource": {"type": "prometheus", "uid": "${datasource}"}, "expr": expr,
            "legendFormat": legend, "refId": ref}


def panel(title, unit, exprs, kind="timeseries", description=""):
    return {"title": title, "type": kind, "unit": unit, "exprs": exprs, "description": description}


def common(d):
    s = SEL.format(d=d)
    return [
        ("Traffic", [
            panel("Request rate", "reqps", [
                (f'sum by (uri) (rate(http_server_requests_seconds_count{{{s}}}[$__rate_interval]))', "{{uri}}")]),
            panel("Errors", "reqps", [
                (f'sum by (status) (rate(http_server_requests_seconds_count{{{s}, status=~"5.."}}[$__rate_interval]))', "{{status}}"),
                (f'sum by (status) (rate(http_server_requests_seconds_count{{{s}, status=~"4.."}}[$__rate_interval]))', "{{status}}")],
                description="5xx are the daemon's fault; 4xx are bad requests, limits and auth."),
            panel("Latency p50 / p99", "s", [
                (f'histogram_quantile(0.50, sum by (le) (rate(http_server_requests_seconds_bucket{{{s}}}[$__rate_interval])))', "p50"),
                (f'histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{{{s}}}[$__rate_interval])))', "p99")]),
            panel("Error ratio (5xx)", "percentunit", [
                (f'sum(rate(http_server_requests_seconds_count{{{s}, status=~"5.."}}[$__rate_interval])) / '
                 f'sum(rate(http_server_requests_seconds_count{{{s}}}[$__rate_interval]))', "5xx / all")], kind="stat"),
        ]),
        ("JVM", [
            panel("Heap", "bytes", [
                (f'sum by (instance) (jvm_memory_used_bytes{{{s}, area="heap"}})', "used {{instance}}"),
                (f'sum by (instance) (jvm_memory_committed_bytes{{{s}, area="heap"}})', "committed {{instance}}"),
                (f'sum by (instance) (jvm_memory_max_bytes{{{s}, area="heap"}})', "max {{instance}}")]),
            panel("GC pauses", "s", [
                (f'sum by (instance, gc) (rate(jvm_gc_pause_seconds_sum{{{s}}}[$__rate_interval]))', "time/s {{gc}}"),
                (f'sum by (instance, gc) (rate(jvm_gc_pause_seconds_count{{{s}}}[$__rate_interval]))', "pauses/s {{gc}}")]),
            panel("CPU and threads", "percentunit", [
                (f'process_cpu_usage{{{s}}}', "cpu {{instance}}"),
                (f'jvm_threads_live_threads{{{s}}} / 1000', "threads/1000 {{instance}}")]),
            panel("Uptime", "s", [(f'min(process_uptime_seconds{{{s}}})', "uptime")], kind="stat"),
        ]),
    ]


def lake(d):
    s = SEL.format(d=d)
    return ("Lake", [
        panel("Records written / dropped / failed", "ops", [
            (f'sum by (stream) (rate(lakehouse_lake_records_written_total{{{s}}}[$__rate_interval]))', "written {{stream}}"),
            (f'sum by (stream) (rate(lakehouse_lake_records_dropped_total{{{s}}}[$__rate_interval]))', "dropped {{stream}}"),
            (f'sum by (stream) (rate(lakehouse_lake_records_failed_total{{{s}}}[$__rate_interval]))', "failed {{stream}}")],
            description="Dropped: the writer's queue was full, the record is lost (an alert, not a graph, in production)."),
        panel("Dropped observations (total)", "short", [
            (f'sum(lakehouse_lake_records_dropped_total{{{s}}})', "dropped")], kind="stat"),
        panel("Writer queue", "short", [
            (f'sum by (stream) (lakehouse_lake_queue_size{{{s}}})', "{{stream}}")]),
    ])


def breakers(d, what):
    s = SEL.format(d=d)
    return panel(f"{what} circuit breakers", "short", [
        (f'max by (name, state) (resilience4j_circuitbreaker_state{{{s}, state!="closed"}})', "{{name}} {{state}}"),
        (f'count by (state) (resilience4j_circuitbreaker_state{{{s}}} == 1)', "breakers {{state}}")],
        description="Per breaker, a series is 1 while it is in a state other than closed; below, how many are in each state.")


def own(d):
    s = SEL.format(d=d)
    if d == "gateway":
        return [("Gateway", [
            panel("API keys loaded", "short", [(f'max(lakehouse_gateway_keys{{{s}}})', "keys")], kind="stat"),
            panel("Key file reloads", "short", [
                (f'sum by (result) (increase(lakehouse_gateway_keys_reloads_total{{{s}}}[1h]))', "{{result}}")]),
            panel("Routes", "short", [(f'max(spring_cloud_gateway_routes_count{{{s}}})', "routes")], kind="stat"),
            panel("Refused requests", "reqps", [
                (f'sum by (reason) (rate(lakehouse_gateway_access_refused_total{{{s}}}[$__rate_interval]))', "{{reason}}")],
                description="401 missing or invalid key, 403 route not allowed, 429 rate or concurrency limit."),
            panel("Embedding answers from the gateway's cache", "percentunit", [
                (f'sum(rate(lakehouse_gateway_cache_hits_total{{{s}}}[$__rate_interval])) / '
                 f'(sum(rate(lakehouse_gateway_cache_hits_total{{{s}}}[$__rate_interval])) + '
                 f'sum(rate(lakehouse_gateway_cache_misses_total{{{s}}}[$__rate_interval])))', "hit ratio")],
                description="Exact repeats of POST /v1/embeddings answered without the hop to embedd."),
            panel("Gateway cache size", "bytes", [
                (f'sum(lakehouse_gateway_cache_bytes{{{s}}})', "bytes"),
                (f'sum(lakehouse_gateway_cache_max_bytes{{{s}}})', "bound")]),
            panel("Gateway cache entries and evictions", "short", [
                (f'sum(lakehouse_gateway_cache_entries{{{s}}})', "entries"),
                (f'sum(rate(lakehouse_gateway_cache_evictions_total{{{s}}}[$__rate_interval]))', "evictions/s")]),
            breakers(d, "Daemon"),
        ]), lake(d)]
    if d == "embedd":
        return [("Embeddings", [
            panel("Cache hit ratio", "percentunit", [
                (f'sum(rate(lakehouse_embedd_cache_hits_total{{{s}}}[$__rate_interval])) / '
                 f'(sum(rate(lakehouse_embedd_cache_hits_total{{{s}}}[$__rate_interval])) + '
                 f'sum(rate(lakehouse_embedd_cache_misses_total{{{s}}}[$__rate_interval])))', "hit ratio")]),
            panel("Cache size", "bytes", [
                (f'sum(lakehouse_embedd_cache_bytes{{{s}}})', "bytes"),
                (f'sum(lakehouse_embedd_cache_max_bytes{{{s}}})', "bound")]),
            panel("Cache entries and evictions", "short", [
                (f'sum(lakehouse_embedd_cache_entries{{{s}}})', "entries"),
                (f'sum(rate(lakehouse_embedd_cache_evictions_total{{{s}}}[$__rate_interval]))', "evictions/s")]),
            panel("Backend latency p50 / p99", "s", [
                (f'histogram_quantile(0.50, sum by (le, backend) (rate(lakehouse_embedd_backend_latency_seconds_bucket{{{s}}}[$__rate_interval])))', "p50 {{backend}}"),
                (f'histogram_quantile(0.99, sum by (le, backend) (rate(lakehouse_embedd_backend_latency_seconds_bucket{{{s}}}[$__rate_interval])))', "p99 {{backend}}")],
                description="One call of the ONNX model or of Ollama, for the cache misses of one or more requests."),
            panel("Batch size p50 / p99", "short", [
                (f'histogram_quantile(0.50, sum by (le, backend) (rate(lakehouse_embedd_batch_size_bucket{{{s}}}[$__rate_interval])))', "p50 {{backend}}"),
                (f'histogram_quantile(0.99, sum by (le, backend) (rate(lakehouse_embedd_batch_size_bucket{{{s}}}[$__rate_interval])))', "p99 {{backend}}")]),
            panel("Backend computations in flight", "short", [
                (f'sum(lakehouse_embedd_inflight{{{s}}})', "in flight")]),
            breakers(d, "Ollama"),
        ])]
    if d == "vectord":
        return [("Vectors", [
            panel("Search latency p50 / p99", "s", [
                (f'histogram_quantile(0.50, sum by (le) (rate(lakehouse_vectord_search_seconds_bucket{{{s}}}[$__rate_interval])))', "p50"),
                (f'histogram_quantile(0.99, sum by (le) (rate(lakehouse_vectord_search_seconds_bucket{{{s}}}[$__rate_interval])))', "p99")]),
            panel("Searches and upserts", "ops", [
                (f'sum(rate(lakehouse_vectord_search_seconds_count{{{s}}}[$__rate_interval]))', "searches/s"),
                (f'sum(rate(lakehouse_vectord_upsert_seconds_count{{{s}}}[$__rate_interval]))', "upserts/s")]),
            panel("Points per collection", "short", [
                (f'sum by (collection) (lakehouse_vectord_collection_points{{{s}}})', "{{collection}}")]),
            panel("Index size on disk", "bytes", [
                (f'sum by (collection) (lakehouse_vectord_collection_bytes{{{s}}})', "{{collection}}")]),
        ])]
    if d == "chatd":
        return [("Chat", [breakers(d, "Provider")]), lake(d)]
    if d == "materializerd":
        return [("Jobs", [
            panel("Jobs by state", "short", [
                (f'sum by (state) (lakehouse_materializerd_jobs{{{s}}})', "{{state}}")]),
            panel("Running jobs: records read and kept", "short", [
                (f'sum by (kind) (lakehouse_materializerd_running_records{{{s}}})', "{{kind}}")]),
        ])]
    if d == "replayd":
        return [("Replays", [
            panel("Runs by state", "short", [
                (f'sum by (state) (lakehouse_replayd_runs{{{s}}})', "{{state}}")]),
            panel("Records replayed by validation transition", "ops", [
                (f'sum by (transition) (rate(lakehouse_replayd_results_total{{{s}}}[$__rate_interval]))', "{{transition}}")]),
        ])]
    return []


def dashboard(d):
    panels, y, pid = [], 0, 1
    for row_title, row_panels in common(d) + own(d):
        panels.append({"id": pid, "type": "row", "title": row_title, "collapsed": False,
                       "gridPos": {"h": 1, "w": 24, "x": 0, "y": y}, "panels": []})
        pid += 1
        y += 1
        x = 0
        for p in row_panels:
            w = 6 if p["type"] == "stat" else 12
            if x + w > 24:
                x, y = 0, y + 8
            refs = "ABCDEFGH"
            panels.append({
                "id": pid, "type": p["type"], "title": p["title"], "description": p["description"],
                "datasource": {"type": "prometheus", "uid": "${datasource}"},
                "gridPos": {"h": 8, "w": w, "x": x, "y": y},
                "fieldConfig": {"defaults": {"unit": p["unit"]}, "overrides": []},
                "options": {"legend": {"displayMode": "list", "placement": "bottom"}} if p["type"] == "timeseries" else {},
                "targets": [target(e, l, refs[i]) for i, (e, l) in enumerate(p["exprs"])],
            })
            pid += 1
            x += w
        y += 8
    return {
        "uid": f"lakehouse-{d}", "title": f"Lakehouse / {d}", "tags": ["lakehouse", d],
        "timezone": "browser", "schemaVersion": 39, "version": 1, "editable": False, "refresh": "30s",
        "time": {"from": "now-6h", "to": "now"},
        "templating": {"list": [
            {"name": "datasource", "type": "datasource", "query": "prometheus", "label": "Data source",
             "current": {"text": "Prometheus", "value": "lakehouse-prometheus"}},
            {"name": "instance", "type": "query", "label": "Instance", "includeAll": True, "multi": True,
             "allValue": ".*", "datasource": {"type": "prometheus", "uid": "${datasource}"},
             "query": {"query": f'label_values(process_uptime_seconds{{application="{d}"}}, instance)', "refId": "instances"},
             "definition": f'label_values(process_uptime_seconds{{application="{d}"}}, instance)',
             "current": {"text": "All", "value": "$__all"}, "refresh": 2},
        ]},
        "annotations": {"list": []},
        "panels": panels,
    }


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    for daemon in ["gateway", "embedd", "vectord", "chatd", "validated", "materializerd", "replayd"]:
        path = OUT / f"{daemon}.json"
        path.write_text(json.dumps(dashboard(daemon), indent=2) + "\n")
        print(path)
