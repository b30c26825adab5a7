package dev.lakehouse.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.deploy.support.Daemon;
import dev.lakehouse.deploy.support.PackagedConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders k8s/base and both overlays with kustomize, parses every object strictly into
 * fabric8's model, and cross-checks the objects against each other and against the daemons.
 */
class KubernetesManifestsIT {

    private static final String NAME_LABEL = "app.kubernetes.io/name";
    /** Who calls whom (DESIGN 3): the only ingress each daemon's NetworkPolicy may allow, besides Prometheus. */
    private static final Map<String, Set<String>> CALLERS = Map.of(
            "embedd", Set.of("gateway", "vectord", "replayd"),
            "vectord", Set.of("gateway", "materializerd"),
            "chatd", Set.of("gateway", "replayd"),
            "validated", Set.of("gateway", "chatd", "replayd"),
            "materializerd", Set.of("gateway"),
            "replayd", Set.of("gateway"));
    private static final Set<String> AUTOSCALED = Set.of("gateway", "embedd", "chatd");
    private static final Set<String> LAKE_WRITERS = Set.of("gateway", "chatd", "materializerd", "replayd");

    private static RenderedManifests base;
    private static RenderedManifests dev;
    private static RenderedManifests prod;

    @BeforeAll
    static void render() {
        Kustomize.require();
        base = RenderedManifests.of("base");
        dev = RenderedManifests.of("overlays/dev");
        prod = RenderedManifests.of("overlays/prod");
    }

    static Stream<Arguments> renderings() {
        return Stream.of(Arguments.of("base"), Arguments.of("overlays/dev"), Arguments.of("overlays/prod"));
    }

    private static RenderedManifests rendering(String name) {
        return switch (name) {
            case "base" -> base;
            case "overlays/dev" -> dev;
            default -> prod;
        };
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyDaemonHasADeploymentAndAServiceOnItsConfiguredPort(String name) {
        RenderedManifests manifests = rendering(name);

        assertThat(Daemon.all()).allSatisfy(daemon -> {
            int port = PackagedConfig.defaultPort(daemon);
            Deployment deployment = manifests.get(Deployment.class, daemon.id());
            ContainerPort http = RenderedManifests.container(deployment).getPorts().getFirst();
            Service service = manifests.get(Service.class, daemon.id());

            assertThat(http.getName()).isEqualTo("http");
            assertThat(http.getContainerPort()).as(daemon.id()).isEqualTo(port);
            assertThat(service.getSpec().getPorts()).singleElement().satisfies(servicePort -> {
                assertThat(servicePort.getPort()).as(daemon.id()).isEqualTo(port);
                assertThat(servicePort.getTargetPort().getStrVal()).isEqualTo("http");
            });
            assertThat(RenderedManifests.container(deployment).getEnv()).extracting(EnvVar::getName)
                    .as("the port comes from the image's defaults, never overridden").doesNotContain(daemon.portVariable());
        });
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyServiceSelectsTheDeploymentOfItsDaemonOnly(String name) {
        RenderedManifests manifests = rendering(name);

        assertThat(manifests.services()).allSatisfy(service -> {
            Map<String, String> selector = service.getSpec().getSelector();
            List<String> selected = manifests.deployments().stream()
                    .filter(deployment -> RenderedManifests.podLabels(deployment).entrySet().containsAll(selector.entrySet()))
                    .map(deployment -> deployment.getMetadata().getName()).toList();

            assertThat(selected).as(service.getMetadata().getName()).containsExactly(service.getMetadata().getName());
        });
        assertThat(manifests.deployments()).allSatisfy(deployment -> assertThat(RenderedManifests.podLabels(deployment))
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels()));
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void peerUrlsInTheConfigMapNameServicesAndTheirPorts(String name) {
        ConfigMap config = rendering(name).get(ConfigMap.class, "lakehouse-config");

        assertThat(Daemon.all()).allSatisfy(daemon -> {
            Service service = rendering(name).get(Service.class, daemon.id());
            assertThat(config.getData()).containsEntry("LAKEHOUSE_" + daemon.name() + "_URL",
                    "http://" + service.getMetadata().getName() + ":" + service.getSpec().getPorts().getFirst().getPort());
        });
        assertThat(config.getData()).containsEntry("LAKEHOUSE_DATA_DIR", "/data")
                .containsEntry("LAKEHOUSE_LAKE_DIR", "/data/lake");
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void probesUseTheActuatorHealthGroupsOnTheHttpPort(String name) {
        assertThat(rendering(name).deployments()).allSatisfy(deployment -> {
            Container container = RenderedManifests.container(deployment);

            assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
            assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
        });
    }

    @Test
    void referencedConfigMapAndSecretKeysExist() {
        // prod deletes the Secret templates (they come from a secret manager), so its references
        // are checked against the keys of base's templates.
        for (RenderedManifests manifests : List.of(base, dev, prod)) {
            List<Secret> secrets = manifests == prod ? base.secrets() : manifests.secrets();
            assertThat(manifests.deployments()).allSatisfy(deployment -> {
                PodSpec pod = deployment.getSpec().getTemplate().getSpec();
                Container container = RenderedManifests.container(deployment);
                container.getEnvFrom().forEach(source ->
                        assertThat(manifests.find(ConfigMap.class, source.getConfigMapRef().getName())).isPresent());
                container.getEnv().stream().filter(env -> env.getValueFrom() != null).forEach(env -> {
                    var from = env.getValueFrom();
                    if (from.getConfigMapKeyRef() != null) {
                        assertThat(manifests.get(ConfigMap.class, from.getConfigMapKeyRef().getName()).getData())
                                .containsKey(from.getConfigMapKeyRef().getKey());
                    }
                    if (from.getSecretKeyRef() != null) {
                        assertThat(keysOf(secrets, from.getSecretKeyRef().getName()))
                                .as(manifests.name() + " " + env.getName()).contains(from.getSecretKeyRef().getKey());
                    }
                });
                pod.getVolumes().stream().filter(volume -> volume.getSecret() != null).forEach(volume ->
                        assertThat(keysOf(secrets, volume.getSecret().getSecretName()))
                                .containsAll(volume.getSecret().getItems().stream().map(item -> item.getKey()).toList()));
            });
        }
        assertThat(prod.secrets()).as("prod never ships the Secret templates").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyPodRunsAsNonRootWithAReadOnlyRootFilesystemAndAWritableTmp(String name) {
        assertThat(rendering(name).deployments()).allSatisfy(deployment -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = RenderedManifests.container(deployment);

            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
                assertThat(mount.getMountPath()).isEqualTo("/tmp");
                assertThat(volume(pod, mount.getName()).getEmptyDir()).isNotNull();
            });
            assertThat(container.getVolumeMounts()).anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/data"));
        });
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyContainerHasRequestsAndLimits(String name) {
        assertThat(rendering(name).deployments()).allSatisfy(deployment -> {
            var resources = RenderedManifests.container(deployment).getResources();

            assertThat(resources.getRequests()).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).containsKeys("cpu", "memory");
            assertThat(resources.getLimits().get("memory")).as("memory is not overcommitted")
                    .isEqualTo(resources.getRequests().get("memory"));
        });
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void theLakeAndTheStatefulDaemonsLiveOnPersistentVolumes(String name) {
        RenderedManifests manifests = rendering(name);

        assertThat(Daemon.all()).allSatisfy(daemon -> {
            PodSpec pod = manifests.get(Deployment.class, daemon.id()).getSpec().getTemplate().getSpec();
            Set<String> claims = pod.getVolumes().stream().filter(volume -> volume.getPersistentVolumeClaim() != null)
                    .map(volume -> volume.getPersistentVolumeClaim().getClaimName()).collect(Collectors.toSet());
            claims.forEach(claim -> assertThat(manifests.find(PersistentVolumeClaim.class, claim)).isPresent());
            assertThat(claims.contains("lake")).as(daemon.id() + " mounts the lake")
                    .isEqualTo(LAKE_WRITERS.contains(daemon.id()));
        });
        assertThat(claimsOf(manifests, "vectord")).containsExactly("vectord-data");
        assertThat(manifests.get(Deployment.class, "vectord").getSpec().getReplicas()).isEqualTo(1);
        assertThat(manifests.get(Deployment.class, "vectord").getSpec().getStrategy().getType()).isEqualTo("Recreate");
    }

    @Test
    void theLakeIsReadWriteManyExceptOnTheSingleNodeDevCluster() {
        assertThat(base.get(PersistentVolumeClaim.class, "lake").getSpec().getAccessModes()).containsExactly("ReadWriteMany");
        assertThat(prod.get(PersistentVolumeClaim.class, "lake").getSpec().getAccessModes()).containsExactly("ReadWriteMany");
        assertThat(dev.get(PersistentVolumeClaim.class, "lake").getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void onlyTheGatewayTakesIngressAndEveryDaemonOnlyItsCallersAndPrometheus(String name) {
        RenderedManifests manifests = rendering(name);
        NetworkPolicy denyAll = manifests.get(NetworkPolicy.class, "default-deny-ingress");
        assertThat(denyAll.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(denyAll.getSpec().getIngress()).isNullOrEmpty();

        NetworkPolicy gateway = manifests.get(NetworkPolicy.class, "gateway-ingress");
        assertThat(gateway.getSpec().getIngress()).singleElement().satisfies(rule -> assertThat(rule.getFrom()).isNullOrEmpty());

        assertThat(CALLERS).allSatisfy((daemon, callers) -> {
            NetworkPolicy policy = manifests.get(NetworkPolicy.class, daemon + "-ingress");
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry(NAME_LABEL, daemon);
            List<NetworkPolicyPeer> peers = policy.getSpec().getIngress().getFirst().getFrom();
            Set<String> allowedPods = new TreeSet<>();
            peers.forEach(peer -> {
                String pod = peer.getPodSelector().getMatchLabels().get(NAME_LABEL);
                if (peer.getNamespaceSelector() != null) {
                    assertThat(pod).as("only Prometheus may come from another namespace").isEqualTo("prometheus");
                } else {
                    allowedPods.add(pod);
                }
            });
            assertThat(allowedPods).as(daemon).containsExactlyInAnyOrderElementsOf(callers);
            assertThat(policy.getSpec().getIngress().getFirst().getPorts()).singleElement()
                    .satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("http"));
        });
        assertThat(manifests.networkPolicies()).hasSize(2 + CALLERS.size());
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void theStatelessFrontDaemonsAutoscaleAndEveryDaemonHasADisruptionBudget(String name) {
        RenderedManifests manifests = rendering(name);

        assertThat(manifests.autoscalers()).extracting(hpa -> hpa.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(AUTOSCALED);
        assertThat(manifests.autoscalers()).allSatisfy(hpa -> {
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(manifests.find(Deployment.class, hpa.getSpec().getScaleTargetRef().getName())).isPresent();
            assertThat(hpa.getSpec().getMinReplicas()).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
        });
        assertThat(manifests.deployments()).allSatisfy(deployment -> {
            PodDisruptionBudget budget = manifests.get(PodDisruptionBudget.class, deployment.getMetadata().getName());
            assertThat(RenderedManifests.podLabels(deployment))
                    .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        });
    }

    @Test
    void prodPinsImagesFromARegistryAndRunsTwoOfEachStatelessDaemon() {
        assertThat(prod.deployments()).allSatisfy(deployment -> assertThat(RenderedManifests.container(deployment).getImage())
                .startsWith("registry.example.com/lakehouse/").doesNotEndWith(":latest"));
        assertThat(List.of("gateway", "embedd", "chatd", "validated")).allSatisfy(daemon ->
                assertThat(prod.get(Deployment.class, daemon).getSpec().getReplicas()).isEqualTo(2));
        assertThat(prod.autoscalers()).allSatisfy(hpa -> assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2));
        assertThat(prod.deployments()).allSatisfy(deployment -> assertThat(deployment.getMetadata().getNamespace())
                .isEqualTo("lakehouse"));
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    private static Set<String> keysOf(List<Secret> secrets, String name) {
        Secret secret = secrets.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Secret " + name));
        Set<String> keys = new TreeSet<>();
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        return keys;
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(volume -> volume.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static List<String> claimsOf(RenderedManifests manifests, String daemon) {
        return manifests.get(Deployment.class, daemon).getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(volume -> volume.getPersistentVolumeClaim() != null)
                .map(volume -> volume.getPersistentVolumeClaim().getClaimName()).toList();
    }
}
