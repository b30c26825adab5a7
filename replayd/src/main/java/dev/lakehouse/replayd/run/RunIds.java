package dev.lakehouse.replayd.run;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Run ids: {@code rpl_}, the creation time in base 36 milliseconds (so ids sort by age), and 32 random bits. */
public final class RunIds {

    public static final Pattern FORMAT = Pattern.compile("rpl_[a-z0-9]{8,40}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    public static String next(Instant now) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return "rpl_" + Long.toString(now.toEpochMilli(), 36) + HexFormat.of().formatHex(random);
    }

    public static boolean valid(String id) {
        return FORMAT.matcher(id).matches();
    }
}
