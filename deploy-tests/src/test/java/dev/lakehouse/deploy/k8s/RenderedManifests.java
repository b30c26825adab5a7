package dev.lakehouse.deploy.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One rendered kustomization, parsed strictly, with typed look-ups. */
record RenderedManifests(String name, List<HasMetadata> objects) {

    static RenderedManifests of(String directory) {
        return new RenderedManifests(directory, StrictManifests.parse(Kustomize.render(directory)));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String objectName) {
        return all(type).stream().filter(object -> object.getMetadata().getName().equals(objectName)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String objectName) {
        return find(type, objectName).orElseThrow(() -> new AssertionError(
                name + " has no " + type.getSimpleName() + " " + objectName));
    }

    List<Deployment> deployments() {
        return all(Deployment.class);
    }

    List<Service> services() {
        return all(Service.class);
    }

    List<ConfigMap> configMaps() {
        return all(ConfigMap.class);
    }

    List<Secret> secrets() {
        return all(Secret.class);
    }

    List<PersistentVolumeClaim> claims() {
        return all(PersistentVolumeClaim.class);
    }

    List<NetworkPolicy> networkPolicies() {
        return all(NetworkPolicy.class);
    }

    List<HorizontalPodAutoscaler> autoscalers() {
        return all(HorizontalPodAutoscaler.class);
    }

    List<PodDisruptionBudget> disruptionBudgets() {
        return all(PodDisruptionBudget.class);
    }

    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(deployment.getMetadata().getName() + " runs " + containers.size() + " containers");
        }
        return containers.getFirst();
    }

    static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }
}
