package dev.lakehouse.embedd.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chassis.testing.DaemonContractTests;
import dev.lakehouse.embedd.testing.EmbeddWebTests;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A body over lakehouse.http.max-body-size (8 MB for embedd) is a 413 in the API's own shape. */
class ApiBodyLimitTests extends EmbeddWebTests {

    private static final byte[] TOO_LARGE = ("{\"model\":\"all-minilm\",\"input\":\"" + "x".repeat(8 * 1024 * 1024) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void declaredOversizedBodyIs413InOpenAisShape() {
        HttpResponse<String> response = send(request("/v1/embeddings").POST(HttpRequest.BodyPublishers.ofByteArray(TOO_LARGE)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertJsonContentType(response);
        assertThat(json(response).path("error").path("code").asString()).isEqualTo("request_too_large");
        assertThat(json(response).path("error").path("message").asString()).contains("lakehouse.http.max-body-size");
    }

    @Test
    void chunkedOversizedBodyIs413InOpenAisShape() {
        HttpResponse<String> response = send(request("/v1/embeddings").POST(chunked()));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").path("code").asString()).isEqualTo("request_too_large");
    }

    @Test
    void oversizedBodiesAre413InOllamasShape() {
        HttpResponse<String> declared = send(request("/api/embed").POST(HttpRequest.BodyPublishers.ofByteArray(TOO_LARGE)));
        HttpResponse<String> streamed = send(request("/api/embed").POST(chunked()));

        for (HttpResponse<String> response : java.util.List.of(declared, streamed)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(json(response).path("error").asString()).contains("larger than the limit");
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("X-Lakehouse-Internal-Token", DaemonContractTests.TOKEN);
    }

    /** No Content-Length: the JDK client sends an input-stream body chunked. */
    private static HttpRequest.BodyPublisher chunked() {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(TOO_LARGE));
    }
}
