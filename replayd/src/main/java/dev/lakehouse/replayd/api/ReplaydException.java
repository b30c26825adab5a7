package dev.lakehouse.replayd.api;

import dev.lakehouse.chassis.problem.Problems;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Every refusal of replayd's API, as an RFC 9457 problem with a stable code. */
public class ReplaydException extends ErrorResponseException {

    private ReplaydException(HttpStatus status, String code, String title, String detail) {
        super(status, Problems.of(status, code, title, detail), null);
    }

    /** A bad request body; {@code pointer} (RFC 6901) names the member at fault. */
    public static ReplaydException invalid(String pointer, String detail) {
        ReplaydException e = new ReplaydException(HttpStatus.BAD_REQUEST, "invalid_replay", "Invalid replay",
                (pointer.isEmpty() ? "the body" : pointer) + ": " + detail);
        e.getBody().setProperty("pointer", pointer);
        return e;
    }

    public static ReplaydException invalidParameter(String name, String detail) {
        return new ReplaydException(HttpStatus.BAD_REQUEST, "invalid_parameter", "Invalid parameter", name + ": " + detail);
    }

    public static ReplaydException notFound(String id) {
        return new ReplaydException(HttpStatus.NOT_FOUND, "replay_not_found", "Replay not found",
                "no replay with id '" + abbreviate(id) + "'");
    }

    public static ReplaydException conflict(String detail) {
        return new ReplaydException(HttpStatus.CONFLICT, "replay_finished", "Replay already finished", detail);
    }

    public static ReplaydException queueFull(int limit, Duration retryAfter) {
        ReplaydException e = new ReplaydException(HttpStatus.TOO_MANY_REQUESTS, "replay_queue_full", "Too many replays",
                limit + " replays are already queued or running; retry when one has finished");
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        return e;
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
