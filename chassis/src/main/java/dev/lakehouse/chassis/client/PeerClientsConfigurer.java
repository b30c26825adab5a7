package dev.lakehouse.chassis.client;

import java.util.Set;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Declarative HTTP service groups named after a daemon ({@code @ImportHttpServices(group = "embedd")})
 * are peer clients: their base URL comes from {@code LAKEHOUSE_<DAEMON>_URL} (see the chassis
 * defaults) and their calls carry the internal token and request id. Other groups are untouched.
 */
public class PeerClientsConfigurer implements RestClientHttpServiceGroupConfigurer {

    public static final Set<String> PEERS =
            Set.of("gateway", "embedd", "vectord", "chatd", "validated", "materializerd", "replayd");

    private final PeerCallInterceptor interceptor;

    public PeerClientsConfigurer(PeerCallInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void configureGroups(Groups<org.springframework.web.client.RestClient.Builder> groups) {
        groups.filter(group -> PEERS.contains(group.name()))
                .forEachClient((group, builder) -> builder.requestInterceptor(interceptor));
    }
}
