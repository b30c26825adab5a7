package dev.lakehouse.deploy.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Parses rendered manifests into fabric8's Kubernetes model, strictly: every kind must be one we
 * ship with its expected apiVersion, types must fit, and no field may be unknown to the model.
 * fabric8's classes keep unknown fields in {@code additionalProperties} instead of failing, so
 * after parsing every object in the tree is checked for leftovers.
 */
final class StrictManifests {

    /** The kinds the manifests may contain, with the apiVersion each must use. */
    private static final Map<String, Kind> KINDS = Map.of(
            "Namespace", new Kind("v1", Namespace.class),
            "ConfigMap", new Kind("v1", ConfigMap.class),
            "Secret", new Kind("v1", Secret.class),
            "PersistentVolumeClaim", new Kind("v1", PersistentVolumeClaim.class),
            "Service", new Kind("v1", Service.class),
            "Deployment", new Kind("apps/v1", Deployment.class),
            "HorizontalPodAutoscaler", new Kind("autoscaling/v2", HorizontalPodAutoscaler.class),
            "NetworkPolicy", new Kind("networking.k8s.io/v1", NetworkPolicy.class),
            "PodDisruptionBudget", new Kind("policy/v1", PodDisruptionBudget.class));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper MODEL = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(MapperFeature.BLOCK_UNSAFE_POLYMORPHIC_BASE_TYPES)
            .build();

    private record Kind(String apiVersion, Class<? extends HasMetadata> type) {
    }

    private StrictManifests() {
    }

    static List<HasMetadata> parse(String multiDocumentYaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(multiDocumentYaml)) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(parse(document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the rendered YAML does not parse", e);
        }
        return objects;
    }

    private static HasMetadata parse(JsonNode document) {
        String kindName = document.path("kind").asText();
        Kind kind = KINDS.get(kindName);
        if (kind == null) {
            throw new IllegalArgumentException("unexpected kind '" + kindName + "' in " + document);
        }
        if (!kind.apiVersion().equals(document.path("apiVersion").asText())) {
            throw new IllegalArgumentException(kindName + " " + document.path("metadata").path("name")
                    + " uses apiVersion " + document.path("apiVersion") + ", expected " + kind.apiVersion());
        }
        HasMetadata object;
        try {
            object = MODEL.treeToValue(document, kind.type());
        } catch (IOException e) {
            throw new IllegalArgumentException(kindName + " does not fit the Kubernetes model: " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(object, kindName + "/" + object.getMetadata().getName(), unknown);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("fields unknown to the Kubernetes model: " + unknown);
        }
        return object;
    }

    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + index++ + "]", unknown);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown));
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            collectFromModelObject(value, path, unknown);
        }
    }

    private static void collectFromModelObject(Object object, String path, List<String> unknown) {
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, object);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + " " + extra.keySet());
                }
            } else {
                collectUnknownFields(value, path + "." + getter.getName().substring(3), unknown);
            }
        }
    }

    private static Object invoke(Method getter, Object object) {
        try {
            return getter.invoke(object);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }
}
