package dev.lakehouse.bench.reference.mvc;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring MVC with its defaults answering every {@code POST /v1/embeddings} with one prepared
 * OpenAI-format embedding of 384 floats, the size of embedd's warm answer: the cheapest upstream
 * a gateway can have.
 */
@SpringBootApplication
@RestController
public class ReferenceEmbeddings {

    private static final byte[] ANSWER = answer();

    public static void main(String[] args) {
        SpringApplication.run(ReferenceEmbeddings.class, args);
    }

    @PostMapping(path = "/v1/embeddings", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] embeddings(@RequestBody String request) {
        return ANSWER;
    }

    @GetMapping(path = "/actuator/health/readiness", produces = MediaType.APPLICATION_JSON_VALUE)
    String readiness() {
        return "{\"status\":\"UP\"}";
    }

    private static byte[] answer() {
        Random random = new Random(384);
        StringBuilder json = new StringBuilder("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[");
        for (int i = 0; i < 384; i++) {
            json.append(i == 0 ? "" : ",").append((float) (random.nextGaussian() / 20));
        }
        json.append("]}],\"model\":\"all-minilm\",\"usage\":{\"prompt_tokens\":11,\"total_tokens\":11}}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
