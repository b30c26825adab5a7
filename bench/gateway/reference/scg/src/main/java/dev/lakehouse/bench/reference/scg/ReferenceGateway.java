package dev.lakehouse.bench.reference.scg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring Cloud Gateway with its defaults and one route: nothing of Lakehouse's gateway. */
@SpringBootApplication
public class ReferenceGateway {

    public static void main(String[] args) {
        SpringApplication.run(ReferenceGateway.class, args);
    }
}
