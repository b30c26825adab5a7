package dev.lakehouse.chassis;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every daemon shares (virtual threads, actuator exposure and probes,
 * peer URLs from {@code LAKEHOUSE_<DAEMON>_URL}, log correlation) at the lowest precedence,
 * so a daemon's own application.properties and the environment still override them.
 */
public class ChassisDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "dev/lakehouse/chassis/chassis-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader()
                    .load("lakehouse-chassis-defaults", new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
