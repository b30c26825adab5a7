package dev.lakehouse.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.gateway.EdgeTestBase;
import dev.lakehouse.gateway.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@TestPropertySource(properties = {
        "lakehouse.gateway.limits.header-read-timeout=1s",
        "lakehouse.gateway.limits.body-read-timeout=1s",
        "lakehouse.gateway.limits.max-body-size-by-group.validate=1KB"})
class EdgeLimitsTests extends EdgeTestBase {

    @Test
    void declaredBodyOverTheRouteGroupsLimitIs413InTheRoutesShapeBeforeTheDaemonSeesIt() {
        HttpResponse<String> response = sendWithKey(post("/v1/validate", "{\"text\":\"" + "x".repeat(2000) + "\"}"), TestKeys.ALL);

        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asString()).isEqualTo("body_too_large");
        assertThat(problem.path("detail").asString()).contains("1024 bytes").contains("'validate'");
        assertThat(daemon("validated").seen()).isEmpty();
    }

    @Test
    void embeddingsAcceptABodyThatValidateWouldRefuse() {
        HttpResponse<String> response = sendWithKey(post("/v1/embeddings", "{\"input\":\"" + "x".repeat(2000) + "\"}"), TestKeys.ALL);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(daemon("embedd").last().bodyBytes()).isGreaterThan(2000);
    }

    @Test
    void chunkedBodyIsCutOffWith413WhenItPassesTheLimit() {
        Iterator<byte[]> chunks = Stream.generate(() -> "x".repeat(512).getBytes(StandardCharsets.UTF_8)).limit(8).iterator();
        HttpRequest.Builder chunked = post("/v1/validate", "").POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                new java.io.SequenceInputStream(java.util.Collections.enumeration(
                        IntStream.range(0, 8).mapToObj(i -> (InputStream) new java.io.ByteArrayInputStream(chunks.next())).toList()))));

        HttpResponse<String> response = sendWithKey(chunked, TestKeys.ALL);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("body_too_large");
    }

    @Test
    void oversizedHeadersAre431AndAnOverlongRequestLineIs414() throws IOException {
        String bigHeader = raw("GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        String longLine = raw("GET /v1/health?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(bigHeader).startsWith("HTTP/1.1 431");
        assertThat(longLine).startsWith("HTTP/1.1 414");
    }

    @Test
    void clientTricklingItsHeadersIsDisconnectedAtTheHeaderDeadline() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            out.write("GET /v1/health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));

            boolean closed = false;
            for (int i = 0; i < 50 && !closed; i++) {
                closed = sendAndCheckClosed(socket, "X-Slow-" + i + ": still typing\r\n");
            }

            assertThat(closed).as("connection closed while the headers were still trickling in").isTrue();
        }
    }

    @Test
    void uploadAfter100ContinueIsNotCutOffByTheHeaderDeadline() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/embeddings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TestKeys.ALL
                    + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] interim = new byte[25];
            int read = socket.getInputStream().read(interim);
            String continued = new String(interim, 0, read, StandardCharsets.US_ASCII);

            for (byte b : "{\"input\":\"x\"}".getBytes(StandardCharsets.US_ASCII)) {
                Thread.sleep(150);
                out.write(b);
                out.flush();
            }
            byte[] answer = new byte[12];
            int answered = socket.getInputStream().read(answer);

            assertThat(continued).startsWith("HTTP/1.1 100");
            assertThat(new String(answer, 0, answered, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
        }
    }

    @Test
    void clientStallingInItsBodyGets408() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/embeddings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TestKeys.ALL
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"input\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 408");
        }
    }

    private static boolean sendAndCheckClosed(Socket socket, String line) {
        try {
            socket.getOutputStream().write(line.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] buffer = new byte[512];
            int read = socket.getInputStream().read(buffer);
            return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.US_ASCII);
        }
    }
}
