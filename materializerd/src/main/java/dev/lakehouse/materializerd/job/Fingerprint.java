package dev.lakehouse.materializerd.job;

import dev.lakehouse.materializerd.recipe.PinnedSegment;
import dev.lakehouse.schemas.dataset.DatasetManifest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * SHA-256 of everything that decides a dataset's bytes: recipe and its version, filters,
 * shaping options, the pinned segments (by sealed name, so sealing an unchanged segment does
 * not change it) and the posted documents. Equal fingerprints mean byte-identical data files.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(JsonMapper json, String recipe, int recipeVersion, Map<String, Object> filters,
            Map<String, Object> options, List<PinnedSegment> pins, DatasetManifest.@Nullable Documents documents) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("recipe", recipe);
        canonical.put("recipeVersion", recipeVersion);
        canonical.put("filters", filters);
        canonical.put("options", options);
        canonical.put("segments", pins.stream().map(pin -> List.of(pin.sealedName(), pin.bytes(), pin.sha256())).toList());
        canonical.put("documents", documents);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(canonical));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
