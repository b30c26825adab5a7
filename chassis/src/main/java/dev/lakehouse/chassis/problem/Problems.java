package dev.lakehouse.chassis.problem;

import dev.lakehouse.chassis.requestid.RequestIdFilter;
import dev.lakehouse.chassis.requestid.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the one error format of the platform: RFC 9457 problem details whose {@code type}
 * names a documented problem ({@code https://lakehouse.dev/problems/<code>}) and which carry
 * the request id, so a user can quote it to whoever runs the platform.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://lakehouse.dev/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    /** Adds what every problem carries: the request id and the path it happened on. */
    public static ProblemDetail decorate(ProblemDetail problem, @Nullable HttpServletRequest request) {
        String requestId = currentRequestId(request);
        if (requestId != null && (problem.getProperties() == null || !problem.getProperties().containsKey("requestId"))) {
            problem.setProperty("requestId", requestId);
        }
        if (problem.getInstance() == null && request != null) {
            String path = (String) request.getAttribute("jakarta.servlet.error.request_uri");
            problem.setInstance(URI.create(safePath(path != null ? path : request.getRequestURI())));
        }
        return problem;
    }

    private static @Nullable String currentRequestId(@Nullable HttpServletRequest request) {
        if (request != null && request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String id) {
            return id;
        }
        return MDC.get(RequestIds.MDC_KEY);
    }

    private static String safePath(String path) {
        try {
            return URI.create(path).getRawPath();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
