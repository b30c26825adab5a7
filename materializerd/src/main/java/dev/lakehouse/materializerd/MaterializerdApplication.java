package dev.lakehouse.materializerd;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Turns recorded evidence in the lake into versioned, reproducible datasets. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MaterializerdApplication {

    public static void main(String[] args) {
        SpringApplication.run(MaterializerdApplication.class, args);
    }
}
