package dev.lakehouse.replayd.peer;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/** The three peers, each in the group named after its daemon, so the chassis configures them as peers. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "chatd", types = ChatdClient.class)
@ImportHttpServices(group = "validated", types = ValidatedClient.class)
@ImportHttpServices(group = "embedd", types = EmbeddClient.class)
class PeersConfiguration {
}
