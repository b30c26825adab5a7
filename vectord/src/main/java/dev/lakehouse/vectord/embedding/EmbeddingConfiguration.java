package dev.lakehouse.vectord.embedding;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/** embedd as a peer: the group name makes the chassis add its base URL, the internal token and the request id. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "embedd", types = EmbeddClient.class)
class EmbeddingConfiguration {

    @Bean
    TextEmbedder textEmbedder(EmbeddClient embedd) {
        return new TextEmbedder(embedd);
    }
}
