package dev.lakehouse.validated.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the registry at start: the built-in contracts, then the contract files on the classpath
 * (fill contracts of the schemas module, email rulesets of this daemon), then the {@code *.json}
 * files of the contracts directory, which may replace a classpath contract of the same id.
 * Any broken file stops the start with a message naming it: a contract that silently vanished
 * would let unvalidated output through.
 */
public final class ContractLoader {

    /** Fill contracts shipped by the schemas module. */
    public static final String FILL_CONTRACTS = "classpath*:dev/lakehouse/schemas/contract.*/v*.json";
    /** Email rulesets shipped by this daemon. */
    public static final String EMAIL_RULESETS = "classpath*:dev/lakehouse/validated/contracts/*.json";

    private static final Logger log = LoggerFactory.getLogger(ContractLoader.class);

    private final List<ContractReader> readers;
    private final JsonMapper json;

    public ContractLoader(List<ContractReader> readers, JsonMapper json) {
        this.readers = List.copyOf(readers);
        this.json = json;
    }

    public ContractRegistry load(List<Contract> builtIn, List<String> classpathPatterns, @Nullable Path directory) {
        Map<String, Contract> contracts = new LinkedHashMap<>();
        builtIn.forEach(contract -> contracts.put(contract.id(), contract));
        for (String pattern : classpathPatterns) {
            for (Resource resource : resources(pattern)) {
                add(contracts, read(resource), false);
            }
        }
        if (directory != null && Files.isDirectory(directory)) {
            for (Path file : files(directory)) {
                add(contracts, read(file), true);
            }
        } else if (directory != null) {
            log.info("Contracts directory {} does not exist; only the built-in and classpath contracts are loaded", directory);
        }
        log.info("Loaded {} contracts: {}", contracts.size(), contracts.keySet());
        return new ContractRegistry(contracts.values());
    }

    private static void add(Map<String, Contract> contracts, Contract contract, boolean fromDirectory) {
        Contract previous = contracts.get(contract.id());
        if (previous != null && (!fromDirectory || !previous.origin().startsWith("classpath:"))) {
            throw new IllegalStateException("contract " + contract.id() + " is defined twice: in " + previous.origin()
                    + " and in " + contract.origin());
        }
        if (previous != null) {
            log.info("Contract {} from {} replaces the one from {}", contract.id(), contract.origin(), previous.origin());
        }
        contracts.put(contract.id(), contract);
    }

    private Contract read(Resource resource) {
        String origin = origin(resource);
        try (InputStream in = resource.getInputStream()) {
            return parse(json.readTree(in), origin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract " + origin, e);
        }
    }

    private Contract read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(json.readTree(in), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract " + file, e);
        }
    }

    private Contract parse(JsonNode file, String origin) {
        for (ContractReader reader : readers) {
            if (reader.reads(file)) {
                try {
                    return reader.read(file, origin);
                } catch (IllegalArgumentException | JacksonException e) {
                    throw new IllegalStateException("contract " + origin + " is invalid: " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalStateException("contract " + origin + " is neither a fill contract (a JSON Schema with $id"
                + " https://schemas.lakehouse.dev/contract.<name>/v<N>.json) nor an email ruleset (\"contract\": \"email:<name>\")");
    }

    private static List<Resource> resources(String pattern) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(ContractLoader.class.getClassLoader()).getResources(pattern);
            return Arrays.stream(found).sorted(Comparator.comparing(ContractLoader::origin)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list contracts " + pattern, e);
        }
    }

    private static List<Path> files(Path directory) {
        try (Stream<Path> listing = Files.list(directory)) {
            return new ArrayList<>(listing.filter(path -> path.getFileName().toString().endsWith(".json"))
                    .filter(Files::isRegularFile).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list contracts directory " + directory, e);
        }
    }

    private static String origin(Resource resource) {
        try {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf("dev/lakehouse/");
            return at < 0 ? url : "classpath:" + url.substring(at);
        } catch (IOException e) {
            return String.valueOf(resource.getDescription());
        }
    }
}
