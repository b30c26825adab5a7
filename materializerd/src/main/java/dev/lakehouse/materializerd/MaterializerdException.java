package dev.lakehouse.materializerd;

import dev.lakehouse.chassis.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Every refusal of materializerd's API, as an RFC 9457 problem with a stable code. */
public class MaterializerdException extends ErrorResponseException {

    private MaterializerdException(HttpStatus status, String code, String title, String detail) {
        super(status, Problems.of(status, code, title, detail), null);
    }

    public static MaterializerdException invalid(String detail) {
        return new MaterializerdException(HttpStatus.BAD_REQUEST, "invalid_materialization", "Invalid materialization", detail);
    }

    public static MaterializerdException jobNotFound(String id) {
        return new MaterializerdException(HttpStatus.NOT_FOUND, "materialization_not_found", "Materialization not found",
                "no materialization with id '" + id + "'");
    }

    public static MaterializerdException datasetNotFound(String what) {
        return new MaterializerdException(HttpStatus.NOT_FOUND, "dataset_not_found", "Dataset not found", what);
    }

    public static MaterializerdException conflict(String detail) {
        return new MaterializerdException(HttpStatus.CONFLICT, "materialization_conflict", "Conflict", detail);
    }

    public static MaterializerdException queueFull(int limit) {
        return new MaterializerdException(HttpStatus.TOO_MANY_REQUESTS, "materialization_queue_full", "Too many jobs",
                limit + " materializations are already waiting; retry when some have finished");
    }
}
