package dev.lakehouse.validated;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Validators: FillValidator, EmailValidator and /v1/validate. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ValidatedApplication {

    public static void main(String[] args) {
        SpringApplication.run(ValidatedApplication.class, args);
    }
}
