package dev.lakehouse.vectord.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.vectord.VectordBootTests;
import dev.lakehouse.vectord.VectordTestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The gateway forwards the collections a key may use; vectord refuses the others. */
class CollectionAccessTests extends VectordBootTests {

    private static final String ALLOWED = "X-Lakehouse-Allowed-Collections";

    @Test
    void collectionOutsideTheAllowedListIsA403Problem() {
        String name = createCollection("private", "{\"dimension\": 2}");

        HttpResponse<String> search = client.post("/v1/collections/" + name + "/search", "{\"vector\": [1, 0]}",
                ALLOWED, "public-docs, other");
        HttpResponse<String> upsert = client.post("/v1/collections/" + name + "/points",
                "{\"points\": [{\"id\": \"a\", \"vector\": [1, 0]}]}", ALLOWED, "public-docs");
        HttpResponse<String> drop = client.delete("/v1/collections/" + name, ALLOWED, "");

        for (HttpResponse<String> response : java.util.List.of(search, upsert, drop)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(VectordTestClient.json(response).path("code").asString()).isEqualTo("collection_forbidden");
        }
        assertThat(client.get("/v1/collections/" + name).statusCode()).isEqualTo(200);
    }

    @Test
    void allowedCollectionAndWildcardAreServed() {
        String name = createCollection("shared", "{\"dimension\": 2}");

        HttpResponse<String> listed = client.post("/v1/collections/" + name + "/search", "{\"vector\": [1, 0]}",
                ALLOWED, "other," + name);
        HttpResponse<String> wildcard = client.post("/v1/collections/" + name + "/search", "{\"vector\": [1, 0]}",
                ALLOWED, "*");

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(wildcard.statusCode()).isEqualTo(200);
    }

    @Test
    void listingShowsOnlyAllowedCollections() {
        String visible = createCollection("visible", "{\"dimension\": 2}");
        String hidden = createCollection("hidden", "{\"dimension\": 2}");

        JsonNode listing = client.ok(client.get("/v1/collections", ALLOWED, visible));

        assertThat(listing.path("collections").valueStream().map(c -> c.path("name").asString()))
                .contains(visible).doesNotContain(hidden);
    }

    @Test
    void creatingFromASnapshotNeedsAccessToItsSourceToo() {
        String source = createCollection("secret", "{\"dimension\": 2}");
        String snapshot = client.ok(client.post("/v1/collections/" + source + "/snapshots", "")).path("id").asString();
        String copy = uniqueName("copy");

        HttpResponse<String> response = client.put("/v1/collections/" + copy, "{\"fromSnapshot\": {\"collection\": \""
                + source + "\", \"snapshot\": \"" + snapshot + "\"}}", ALLOWED, copy);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(client.get("/v1/collections/" + copy).statusCode()).isEqualTo(404);
    }
}
