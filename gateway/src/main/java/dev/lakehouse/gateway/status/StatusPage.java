package dev.lakehouse.gateway.status;

import static dev.lakehouse.gateway.status.Html.escape;

import dev.lakehouse.gateway.status.StatusReport.BreakerView;
import dev.lakehouse.gateway.status.StatusReport.CacheView;
import dev.lakehouse.gateway.status.StatusReport.CollectionView;
import dev.lakehouse.gateway.status.StatusReport.DaemonView;
import dev.lakehouse.gateway.status.StatusReport.JobView;
import dev.lakehouse.gateway.status.StatusReport.LakeUsage;
import dev.lakehouse.gateway.status.StatusReport.Section;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Renders the report as one self-contained HTML page: inline style, no script, no external
 * asset, reloaded by the browser every refresh interval ({@code <meta http-equiv="refresh">}).
 * Rows carry {@code data-*} attributes so that tests and scripts can read the page.
 */
final class StatusPage {

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d1d1f;background:#fafafa}
            h1{font-size:20px;margin:0 0 4px} h2{font-size:16px;margin:24px 0 8px}
            .meta{color:#666;margin-bottom:16px}
            table{border-collapse:collapse;background:#fff;min-width:480px}
            th,td{border:1px solid #ddd;padding:4px 10px;text-align:left} th{background:#f0f0f0}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            .badge{display:inline-block;padding:2px 10px;border-radius:10px;font-weight:600;color:#fff}
            .UP{background:#1e8e3e} .DEGRADED,.DOWN,.UNREACHABLE{background:#c5221f}
            tr.down td{background:#fde7e7} tr.down td.health{color:#c5221f;font-weight:700}
            tr.up td.health{color:#1e8e3e;font-weight:700}
            .open,.forced_open{color:#c5221f;font-weight:700} .half_open{color:#b06000;font-weight:700}
            .na{color:#888}
            """;

    private StatusPage() {
    }

    static String render(StatusReport report, Duration refresh) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"").append(Math.max(1, refresh.toSeconds())).append("\">")
                .append("<title>Lakehouse status: ").append(escape(report.overall())).append("</title><style>")
                .append(STYLE).append("</style></head>")
                .append("<body data-rendered-at=\"").append(report.renderedAt().toEpochMilli()).append("\">")
                .append("<h1>Lakehouse <span id=\"overall\" class=\"badge ").append(escape(report.overall())).append("\">")
                .append(escape(report.overall())).append("</span></h1><div class=\"meta\">rendered ")
                .append(escape(report.renderedAt().toString())).append(", refreshes every ").append(refresh.toSeconds())
                .append(" s</div>");
        daemons(html, report.daemons());
        breakers(html, report.breakers());
        caches(html, report.embedCaches());
        collections(html, report.collections());
        lake(html, report.lake());
        jobs(html, "Recent materializations", "materializations", report.materializations());
        jobs(html, "Recent replays", "replays", report.replays());
        return html.append("</body></html>").toString();
    }

    private static void daemons(StringBuilder html, List<DaemonView> daemons) {
        html.append("<h2>Daemons</h2><table id=\"daemons\"><tr><th>daemon</th><th>health</th><th>version</th><th>uptime</th>")
                .append("<th>requests</th><th>errors (5xx)</th><th>p95 latency</th><th>window</th><th>url</th></tr>");
        for (DaemonView daemon : daemons) {
            html.append("<tr class=\"").append(daemon.isUp() ? "up" : "down").append("\" data-daemon=\"")
                    .append(escape(daemon.name())).append("\" data-health=\"").append(escape(daemon.health())).append("\">")
                    .append("<td>").append(escape(daemon.name())).append("</td><td class=\"health\"")
                    .append(daemon.problem() == null ? "" : " title=\"" + escape(daemon.problem()) + "\"").append(">")
                    .append(escape(daemon.health())).append(daemon.problem() == null ? "" : ": " + escape(daemon.problem()))
                    .append("</td><td>").append(escape(daemon.version()))
                    .append(daemon.commit() == null ? "" : " (" + escape(daemon.commit()) + ")").append("</td>");
            cell(html, Html.duration(daemon.uptimeSeconds()));
            cell(html, Html.rate(daemon.traffic().requestsPerSecond()));
            cell(html, Html.percent(daemon.traffic().errorRatio()));
            cell(html, Html.millis(daemon.traffic().p95Seconds()));
            html.append("<td>").append(escape(daemon.traffic().window())).append("</td><td>").append(escape(daemon.url()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void breakers(StringBuilder html, List<BreakerView> breakers) {
        html.append("<h2>Circuit breakers</h2>");
        if (breakers.isEmpty()) {
            html.append("<p class=\"na\" id=\"breakers\">n/a: no daemon reports a circuit breaker</p>");
            return;
        }
        html.append("<table id=\"breakers\"><tr><th>daemon</th><th>breaker</th><th>state</th></tr>");
        for (BreakerView breaker : breakers) {
            html.append("<tr><td>").append(escape(breaker.daemon())).append("</td><td>").append(escape(breaker.name()))
                    .append("</td><td class=\"").append(escape(breaker.state())).append("\">").append(escape(breaker.state()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void caches(StringBuilder html, List<CacheView> caches) {
        html.append("<h2>Embedding caches</h2><table id=\"embed-cache\"><tr><th>cache</th><th>hit ratio</th><th>entries</th>"
                + "<th>size</th></tr>");
        for (CacheView cache : caches) {
            html.append("<tr><td>").append(escape(cache.name())).append("</td>");
            cell(html, Html.percent(cache.hitRatio()));
            cell(html, Html.count(cache.entries()));
            cell(html, Html.bytes(cache.bytes()));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void collections(StringBuilder html, Section<CollectionView> collections) {
        html.append("<h2>Vector collections</h2>");
        if (unavailable(html, "collections", collections, "no collections")) {
            return;
        }
        html.append("<table id=\"collections\"><tr><th>collection</th><th>dimension</th><th>points</th><th>size</th></tr>");
        for (CollectionView collection : collections.items()) {
            html.append("<tr><td>").append(escape(collection.name())).append("</td>");
            cell(html, Html.count(collection.dimension()));
            cell(html, Html.count(collection.points()));
            cell(html, Html.bytes(collection.bytes()));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void lake(StringBuilder html, LakeUsage lake) {
        html.append("<h2>Lake</h2><table id=\"lake\"><tr><th>stream</th><th>size</th></tr>");
        lake.bytesByStream().forEach((stream, bytes) -> {
            html.append("<tr><td>").append(escape(stream)).append("</td>");
            cell(html, Html.bytes(OptionalDouble.of(bytes)));
            html.append("</tr>");
        });
        html.append("<tr><td>free on disk</td>");
        cell(html, Html.bytes(lake.freeBytes()));
        html.append("</tr></table><div class=\"meta\">").append(escape(lake.dir()))
                .append(lake.problem() == null ? "" : ": " + escape(lake.problem())).append("</div>");
    }

    private static void jobs(StringBuilder html, String title, String id, Section<JobView> jobs) {
        html.append("<h2>").append(title).append("</h2>");
        if (unavailable(html, id, jobs, "none yet")) {
            return;
        }
        html.append("<table id=\"").append(id).append("\"><tr><th>id</th><th>status</th><th>when</th></tr>");
        for (JobView job : jobs.items()) {
            html.append("<tr><td>").append(escape(job.id())).append("</td><td>").append(escape(job.status()))
                    .append("</td><td>").append(escape(job.when())).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static boolean unavailable(StringBuilder html, String id, Section<?> section, String empty) {
        if (section.problem() != null || section.items().isEmpty()) {
            html.append("<p class=\"na\" id=\"").append(id).append("\">")
                    .append(section.problem() != null ? "n/a: " + escape(section.problem()) : empty).append("</p>");
            return true;
        }
        return false;
    }

    private static void cell(StringBuilder html, String value) {
        html.append("<td class=\"num").append(Html.NA.equals(value) ? " na" : "").append("\">").append(escape(value))
                .append("</td>");
    }
}
