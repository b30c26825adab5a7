package dev.lakehouse.gateway;

import dev.lakehouse.gateway.keys.KeysCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The only public entry of the suite: keys and limits, routes to the daemons, health of the
 * whole suite, the status page. {@code java -jar gateway-exec.jar keys ...} edits the keys
 * file instead and starts no server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("keys")) {
            System.exit(new KeysCommand(System.out, System.err, System.getenv())
                    .run(Arrays.asList(args).subList(1, args.length)));
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
