package dev.lakehouse.embedd;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Embeddings: Ollama directly, an in-process ONNX model by default, and a cache. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EmbeddApplication {

    public static void main(String[] args) {
        SpringApplication.run(EmbeddApplication.class, args);
    }
}
