package dev.lakehouse.chassis;

import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal daemon: what the chassis gives every daemon, with one JSON route to exercise it. */
@SpringBootApplication
public class ChassisTestApplication {

    record Echo(@NotBlank String text) {
    }

    @RestController
    static class EchoController {

        @PostMapping(path = "/echo", consumes = "application/json")
        Map<String, Object> echo(@RequestBody Echo echo) {
            return Map.of("text", echo.text());
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internals: /etc/passwd");
        }
    }
}
