import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;

/**
 * A stand-in for Ollama in the embedd benchmark: answers POST /api/embed in Ollama's wire
 * format after a fixed latency, whatever the batch size, with vectors picked from a small
 * precomputed set so the fake itself uses little CPU. Also /api/version, /api/tags, /api/show.
 *
 * Run with the JDK's source launcher: java FakeOllama.java <port> <latency-ms> <dimensions>
 */
public class FakeOllama {

    private static final int VECTORS = 256;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long latencyMs = Long.parseLong(args[1]);
        int dimensions = Integer.parseInt(args[2]);
        String[] vectors = vectors(dimensions);
        // As Go's net/http (Ollama): no Nagle delay between a response's headers and body.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/embed", exchange -> embed(exchange, latencyMs, vectors));
        server.createContext("/api/version", exchange -> send(exchange, 200, "{\"version\":\"0.12.6\"}"));
        server.createContext("/api/tags", exchange -> send(exchange, 200,
                "{\"models\":[{\"name\":\"nomic-embed-text:latest\",\"model\":\"nomic-embed-text:latest\",\"digest\":\"fake\"}]}"));
        server.createContext("/api/show", exchange -> send(exchange, 200,
                "{\"capabilities\":[\"embedding\"],\"model_info\":{\"nomic-bert.embedding_length\":" + dimensions + "}}"));
        server.start();
        System.out.println("fake Ollama on " + port + ", " + latencyMs + " ms per call, " + dimensions + " dimensions");
    }

    private static void embed(HttpExchange exchange, long latencyMs, String[] vectors) throws IOException {
        long start = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String model = stringAfter(body, "\"model\"");
        List<String> inputs = inputs(body);
        try {
            Thread.sleep(latencyMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder json = new StringBuilder(inputs.size() * vectors[0].length() + 128);
        json.append("{\"model\":\"").append(model).append("\",\"embeddings\":[");
        int tokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            json.append(i > 0 ? "," : "").append(vectors[Math.floorMod(inputs.get(i).hashCode(), VECTORS)]);
            tokens += inputs.get(i).length() / 4 + 2;
        }
        json.append("],\"total_duration\":").append(System.nanoTime() - start)
                .append(",\"load_duration\":0,\"prompt_eval_count\":").append(tokens).append('}');
        send(exchange, 200, json.toString());
    }

    private static String[] vectors(int dimensions) {
        Random random = new Random(42);
        String[] vectors = new String[VECTORS];
        for (int v = 0; v < VECTORS; v++) {
            StringBuilder vector = new StringBuilder("[");
            for (int d = 0; d < dimensions; d++) {
                vector.append(d > 0 ? "," : "").append((float) (random.nextGaussian() / Math.sqrt(dimensions)));
            }
            vectors[v] = vector.append(']').toString();
        }
        return vectors;
    }

    /** The strings of "input" (a string or an array of strings), JSON escapes decoded. */
    private static List<String> inputs(String body) {
        List<String> inputs = new ArrayList<>();
        int at = body.indexOf(':', body.indexOf("\"input\"")) + 1;
        while (body.charAt(at) == ' ') {
            at++;
        }
        boolean array = body.charAt(at) == '[';
        while (true) {
            int open = body.indexOf('"', at);
            if (open < 0 || (array && body.indexOf(']', at) >= 0 && body.indexOf(']', at) < open)) {
                return inputs;
            }
            StringBuilder text = new StringBuilder();
            int i = open + 1;
            for (; body.charAt(i) != '"'; i++) {
                char c = body.charAt(i);
                if (c == '\\') {
                    char next = body.charAt(++i);
                    if (next == 'u') {
                        text.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        text.append(switch (next) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            case 'b' -> '\b';
                            case 'f' -> '\f';
                            default -> next;
                        });
                    }
                } else {
                    text.append(c);
                }
            }
            inputs.add(text.toString());
            if (!array) {
                return inputs;
            }
            at = i + 1;
        }
    }

    private static String stringAfter(String body, String key) {
        int colon = body.indexOf(':', body.indexOf(key));
        int open = body.indexOf('"', colon);
        return body.substring(open + 1, body.indexOf('"', open + 1));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
