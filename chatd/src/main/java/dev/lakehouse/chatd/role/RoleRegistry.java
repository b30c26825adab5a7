package dev.lakehouse.chatd.role;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;

/** The roles chatd knows, loaded once at start from the roles file and checked there. */
public final class RoleRegistry {

    private final String location;
    private final Map<String, Role> roles;

    public RoleRegistry(String location, Map<String, Role> roles) {
        this.location = location;
        this.roles = Map.copyOf(roles);
    }

    /** Loads {@code classpath:...} or a file path; an unreadable or invalid file stops the start with its problems. */
    public static RoleRegistry load(String location, Set<String> knownProviders) {
        String text;
        try {
            text = read(location);
        } catch (IOException e) {
            throw new RolesFileException(location, List.of("cannot be read: " + e.getMessage()));
        }
        return new RoleRegistry(location, new RolesFileParser(knownProviders).parse(location, text));
    }

    private static String read(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            try (InputStream in = new ClassPathResource(location.substring("classpath:".length())).getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        return Files.readString(Path.of(path));
    }

    public Optional<Role> find(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    public Collection<Role> all() {
        return roles.values();
    }

    public List<String> names() {
        return roles.keySet().stream().sorted().toList();
    }

    public String location() {
        return location;
    }
}
