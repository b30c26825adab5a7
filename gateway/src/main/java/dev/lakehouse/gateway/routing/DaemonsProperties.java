package dev.lakehouse.gateway.routing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The daemons behind the gateway, by name. Defaults are in the gateway's application.yml;
 * health and the status page list them in the order of DESIGN section 3, whatever order the
 * configuration sources give.
 */
@ConfigurationProperties("lakehouse.gateway")
public record DaemonsProperties(Map<String, DaemonRoute> daemons) {

    private static final List<String> ORDER = List.of("embedd", "vectord", "chatd", "validated", "materializerd", "replayd");

    public DaemonsProperties {
        daemons = inDesignOrder(daemons);
    }

    private static Map<String, DaemonRoute> inDesignOrder(Map<String, DaemonRoute> daemons) {
        Map<String, DaemonRoute> ordered = new LinkedHashMap<>();
        daemons.keySet().stream()
                .sorted(Comparator.comparingInt((String name) -> ORDER.contains(name) ? ORDER.indexOf(name) : ORDER.size())
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(name -> ordered.put(name, daemons.get(name)));
        return ordered;
    }
}
