package dev.lakehouse.replayd;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Replays recorded prompts on another model and measures whether it would pass. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReplaydApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReplaydApplication.class, args);
    }
}
