package dev.lakehouse.vectord;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Vector collections on Lucene HNSW with payload filters, durable on disk. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VectordApplication {

    public static void main(String[] args) {
        SpringApplication.run(VectordApplication.class, args);
    }
}
