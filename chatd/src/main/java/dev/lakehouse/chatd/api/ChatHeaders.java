package dev.lakehouse.chatd.api;

import dev.lakehouse.chatd.dispatch.CallTrace;
import dev.lakehouse.chatd.model.ModelRef;
import dev.lakehouse.schemas.verdict.Violation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import java.util.stream.Collectors;

/** The response headers that tell a client how its call was served. */
public final class ChatHeaders {

    /** The role a call was served under (request header and response header). */
    public static final String ROLE = "X-Lakehouse-Role";
    /** The provider that produced the answer. */
    public static final String PROVIDER = "X-Lakehouse-Provider";
    /** Provider calls made, retries, re-asks and fallbacks included. */
    public static final String ATTEMPTS = "X-Lakehouse-Attempts";
    /** chatd's own time up to the response, in milliseconds: provider and validated time excluded. */
    public static final String OVERHEAD_MS = "X-Lakehouse-Overhead-Ms";
    /** Codes of the violations of a flagged answer, comma-separated. */
    public static final String VIOLATIONS = "X-Lakehouse-Violations";

    private ChatHeaders() {
    }

    /** Sets the headers; {@code provider} names the provider when the trace does not know it yet (a stream opening). */
    public static void apply(HttpServletResponse response, CallTrace trace, @Nullable String provider) {
        response.setHeader(ROLE, trace.role().name());
        response.setHeader(ATTEMPTS, Integer.toString(trace.attemptCount()));
        ModelRef served = trace.servedBy();
        if (served != null || provider != null) {
            response.setHeader(PROVIDER, served != null ? served.provider() : provider);
        }
        response.setHeader(OVERHEAD_MS, String.format(Locale.ROOT, "%.3f", trace.overheadMs()));
    }

    public static void flagged(HttpServletResponse response, java.util.List<Violation> violations) {
        if (!violations.isEmpty()) {
            response.setHeader(VIOLATIONS, violations.stream().map(Violation::code).distinct()
                    .collect(Collectors.joining(",")));
        }
    }
}
