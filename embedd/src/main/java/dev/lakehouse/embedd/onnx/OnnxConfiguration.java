package dev.lakehouse.embedd.onnx;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the in-process model at start-up, so the daemon is ready only once it can embed. */
@Configuration(proxyBeanMethods = false)
class OnnxConfiguration {

    @Bean(destroyMethod = "close")
    MiniLmEncoder miniLmEncoder() {
        return MiniLmEncoder.load();
    }

    @Bean
    OnnxEmbeddingBackend onnxEmbeddingBackend(MiniLmEncoder encoder, OnnxProperties properties) {
        return new OnnxEmbeddingBackend(encoder, properties);
    }
}
