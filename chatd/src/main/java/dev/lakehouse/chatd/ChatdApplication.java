package dev.lakehouse.chatd;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Chat through five providers with fallback, the cross-role gate, validation and observations. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChatdApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChatdApplication.class, args);
    }
}
