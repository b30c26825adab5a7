package dev.lakehouse.chassis.requestid;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Accepts a caller's request id when it is safe to log and forward, or makes a new one. */
public final class RequestIds {

    /** The MDC key under which the current request id is logged. */
    public static final String MDC_KEY = "requestId";

    // Anything else (spaces, quotes, CR/LF) could forge log lines or break headers downstream.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private RequestIds() {
    }

    public static String acceptOrGenerate(@Nullable String candidate) {
        if (candidate != null && ACCEPTABLE.matcher(candidate).matches()) {
            return candidate;
        }
        return generate();
    }

    public static boolean isAcceptable(@Nullable String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches();
    }

    /**
     * 96 random bits. An id correlates log lines and grants nothing, so it needs uniqueness, not
     * unpredictability: {@code SecureRandom} took a lock per request on the gateway's event loops.
     */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "req_" + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextInt());
    }
}
