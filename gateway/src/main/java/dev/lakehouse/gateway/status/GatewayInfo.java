package dev.lakehouse.gateway.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's own version and commit, shaped like a daemon's {@code /actuator/info}. */
@Component
class GatewayInfo {

    private final ObjectProvider<BuildProperties> build;
    private final ObjectProvider<GitProperties> git;

    GatewayInfo(ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git) {
        this.build = build;
        this.git = git;
    }

    JsonNode asJson(JsonMapper json) {
        Map<String, Object> info = new LinkedHashMap<>();
        BuildProperties buildProperties = build.getIfAvailable();
        if (buildProperties != null) {
            info.put("build", Map.of("version", buildProperties.getVersion()));
        }
        GitProperties gitProperties = git.getIfAvailable();
        if (gitProperties != null && gitProperties.getShortCommitId() != null) {
            info.put("git", Map.of("commit", Map.of("id", gitProperties.getShortCommitId())));
        }
        return json.valueToTree(info);
    }
}
