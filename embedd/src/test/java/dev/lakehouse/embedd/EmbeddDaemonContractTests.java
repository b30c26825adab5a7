package dev.lakehouse.embedd;

import dev.lakehouse.chassis.testing.DaemonContractTests;
import dev.lakehouse.embedd.testing.NoOllamaWebTests;
import org.springframework.boot.test.context.SpringBootTest;

/** What every daemon promises, checked on embedd with its embedded defaults (no Ollama). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = NoOllamaWebTests.PROPERTIES)
class EmbeddDaemonContractTests extends DaemonContractTests {

    @Override
    protected String daemonName() {
        return "embedd";
    }

    @Override
    protected String jsonRoute() {
        return "/v1/embeddings";
    }
}
