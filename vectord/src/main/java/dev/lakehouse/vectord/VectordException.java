package dev.lakehouse.vectord;

import dev.lakehouse.chassis.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Every refusal vectord gives, as an RFC 9457 problem detail with a stable {@code code}
 * (documented in the README) and a detail that says what to change.
 */
public final class VectordException extends ErrorResponseException {

    private VectordException(HttpStatus status, String code, String title, String detail) {
        super(status, Problems.of(status, code, title, detail), null);
    }

    /** 400: the request is well-formed JSON but breaks a rule of the API. */
    public static VectordException invalid(String code, String detail) {
        return new VectordException(HttpStatus.BAD_REQUEST, code, "Invalid request", detail);
    }

    /** 413: the request asks for more than a documented limit allows. */
    public static VectordException tooLarge(String code, String detail) {
        return new VectordException(HttpStatus.CONTENT_TOO_LARGE, code, "Request too large", detail);
    }

    public static VectordException collectionNotFound(String name) {
        return new VectordException(HttpStatus.NOT_FOUND, "collection_not_found", "Collection not found",
                "collection '" + name + "' does not exist");
    }

    public static VectordException pointNotFound(String collection, String id) {
        return new VectordException(HttpStatus.NOT_FOUND, "point_not_found", "Point not found",
                "collection '" + collection + "' has no point with id '" + id + "'");
    }

    public static VectordException snapshotNotFound(String collection, String snapshot) {
        return new VectordException(HttpStatus.NOT_FOUND, "snapshot_not_found", "Snapshot not found",
                "collection '" + collection + "' has no snapshot '" + snapshot + "'");
    }

    public static VectordException collectionExists(String name) {
        return new VectordException(HttpStatus.CONFLICT, "collection_exists", "Collection exists",
                "collection '" + name + "' already exists; delete it first or choose another name");
    }

    public static VectordException collectionForbidden(String name) {
        return new VectordException(HttpStatus.FORBIDDEN, "collection_forbidden", "Collection not allowed",
                "the caller's API key may not use collection '" + name + "'");
    }

    /** 502: embedd answered, but not with embeddings this collection can use. */
    public static VectordException embeddingFailed(String detail) {
        return new VectordException(HttpStatus.BAD_GATEWAY, "embedding_failed", "Embedding failed", detail);
    }

    /** 503: embedd could not be reached; the caller may retry later. */
    public static VectordException embeddingUnavailable(String detail) {
        return new VectordException(HttpStatus.SERVICE_UNAVAILABLE, "embedding_unavailable",
                "Embedding service unavailable", detail);
    }

    /** 503: the collection was closed (dropped or shutting down) while the request ran. */
    public static VectordException collectionClosed(String name) {
        return new VectordException(HttpStatus.SERVICE_UNAVAILABLE, "collection_closed", "Collection closed",
                "collection '" + name + "' was closed while the request ran (deleted, or vectord is stopping)");
    }

    public String code() {
        Object code = getBody().getProperties() == null ? null : getBody().getProperties().get("code");
        return String.valueOf(code);
    }
}
