package dev.lakehouse.deploy.k8s;

import dev.lakehouse.deploy.support.Commands;
import dev.lakehouse.deploy.support.DockerEngine;
import dev.lakehouse.deploy.support.Repository;
import java.time.Duration;
import java.util.List;

/**
 * Renders a kustomization with the real kustomize: the one built into {@code kubectl}
 * ({@code kubectl kustomize}, kustomize v5 on our machines). Debian packages no kustomize;
 * see docs/decisions/deploy.md.
 */
final class Kustomize {

    private Kustomize() {
    }

    /** Whether kubectl (with its kustomize) is on PATH; under CI its absence fails the test. */
    static void require() {
        DockerEngine.requireThat(Commands.works(List.of("kubectl", "version", "--client")),
                "kubectl is not installed, so the kustomizations cannot be rendered");
    }

    /** The rendered multi-document YAML of k8s/{@code directory}. */
    static String render(String directory) {
        List<String> command = List.of("kubectl", "kustomize", Repository.resolve("k8s").resolve(directory).toString());
        return Commands.run(command, Duration.ofMinutes(1)).orThrow(command).output();
    }
}
