package dev.lakehouse.chassis.requestid;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Accepts a caller's request id when it is safe to log and forward, or makes a new one. */
public final class RequestIds {

    /** The MDC key under which the current request id is logged. */
    public static final String MDC_KEY = "requestId";

    // Anything else (spaces, quotes, CR/LF) could forge log lines or break headers downstream.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

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

    public static String generate() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }
}
