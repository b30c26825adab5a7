package dev.lakehouse.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictManifestsTests {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: embedd
            spec:
              replicas: 2
              selector:
                matchLabels: {app: embedd}
              template:
                metadata:
                  labels: {app: embedd}
                spec:
                  containers:
                  - name: embedd
                    image: lakehouse/embedd:latest
                    ports:
                    - {name: http, containerPort: 8081}
            """;

    @Test
    void parsesEveryDocumentIntoItsModelClass() {
        List<HasMetadata> objects = StrictManifests.parse(DEPLOYMENT + "---\napiVersion: v1\nkind: ConfigMap\n"
                + "metadata: {name: config}\ndata: {A: b}\n");

        assertThat(objects).hasSize(2);
        assertThat(objects.getFirst()).isInstanceOfSatisfying(Deployment.class,
                deployment -> assertThat(deployment.getSpec().getReplicas()).isEqualTo(2));
    }

    @Test
    void rejectsAFieldTheModelDoesNotKnowEvenDeepInTheTree() {
        String typo = DEPLOYMENT.replace("containerPort: 8081", "containerPort: 8081, hostPorts: 1");

        assertThatThrownBy(() -> StrictManifests.parse(typo))
                .hasMessageContaining("unknown to the Kubernetes model").hasMessageContaining("hostPorts");
    }

    @Test
    void rejectsAMisspelledTopLevelField() {
        String typo = DEPLOYMENT.replace("  replicas: 2", "  replica: 2");

        assertThatThrownBy(() -> StrictManifests.parse(typo)).hasMessageContaining("replica");
    }

    @Test
    void rejectsAValueOfTheWrongType() {
        String wrongType = DEPLOYMENT.replace("replicas: 2", "replicas: [two]");

        assertThatThrownBy(() -> StrictManifests.parse(wrongType)).hasMessageContaining("does not fit");
    }

    @Test
    void rejectsAnUnexpectedKindOrApiVersion() {
        assertThatThrownBy(() -> StrictManifests.parse("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"))
                .hasMessageContaining("unexpected kind 'Pod'");
        assertThatThrownBy(() -> StrictManifests.parse(DEPLOYMENT.replace("apps/v1", "extensions/v1beta1")))
                .hasMessageContaining("expected apps/v1");
    }
}
