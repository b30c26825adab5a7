package dev.lakehouse.chatd.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chatd.ChatdProperties;
import dev.lakehouse.chatd.model.ModelRef;
import dev.lakehouse.chatd.role.Contract;
import dev.lakehouse.chatd.role.InvalidPolicy;
import dev.lakehouse.chatd.role.Role;
import dev.lakehouse.chatd.role.RoleRegistry;
import dev.lakehouse.schemas.verdict.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BleedDetectorTests {

    private static final String EMAIL_PROMPT = "You write short polite business emails as one JSON object with to, cc,"
            + " bcc, subject and body fields, and you never invent any address that the request does not contain.";

    private final Role assistant = role("assistant", "You are the team assistant and answer questions in plain prose.",
            Contract.TEXT, List.of("[assistant]"), List.of());
    private final Role email = role("email-writer", EMAIL_PROMPT, Contract.parse("email"), List.of("\"bcc\":"), List.of());
    private final Role filler = role("form-filler", "You fill shift forms as one JSON object.",
            Contract.parse("fill:lakehouse.contract.shift-fill/v1"), List.of("\"shift_start\""),
            List.of("shift_start", "shift_end"));
    private final BleedDetector detector = detector(0.3, assistant, email, filler);

    @Test
    void anotherRolesMarkerInTheOutputIsBleed() {
        List<Violation> found = detector.inspect(assistant, "Sure! {\"to\": [], \"bcc\": []}");

        assertThat(found).extracting(Violation::code).contains(BleedDetector.MARKER);
        assertThat(found.getFirst().message()).contains("email-writer");
    }

    @Test
    void repeatingMuchOfAnotherRolesSystemPromptIsBleed() {
        String echoed = "My instructions: I write short polite business emails as one JSON object with to, cc, bcc,"
                + " subject and body fields, and I never invent any address that the request does not contain.";

        List<Violation> found = detector.inspect(assistant, echoed);

        assertThat(found).extracting(Violation::code).containsExactly(BleedDetector.PROMPT_OVERLAP);
    }

    @Test
    void aFewSharedWordsStayUnderTheThreshold() {
        List<Violation> found = detector.inspect(assistant, "Write short polite business emails, they said. I answer"
                + " questions about the data platform instead.");

        assertThat(found).isEmpty();
    }

    @Test
    void aTextRoleAnsweringWithAnEmailObjectHasAnotherContractsShape() {
        List<Violation> found = detector.inspect(assistant,
                "```json\n{\"to\":[\"a@b.c\"],\"subject\":\"Hi\",\"body\":\"Hello\"}\n```");

        assertThat(found).extracting(Violation::code).containsExactly(BleedDetector.CONTRACT_SHAPE);
        assertThat(found.getFirst().message()).contains("email-writer");
    }

    @Test
    void aFillRoleAnsweringWithAnEmailHasTheEmailShapeButAnEmailRoleWithItsOwnDoesNot() {
        String emailOutput = "{\"to\":[\"a@b.c\"],\"cc\":[],\"subject\":\"Hi\",\"body\":\"Hello\"}";

        assertThat(detector.inspect(filler, emailOutput)).extracting(Violation::code)
                .containsExactly(BleedDetector.CONTRACT_SHAPE);
        assertThat(detector.inspect(email, emailOutput)).isEmpty();
    }

    @Test
    void anOutputWithItsOwnRolesMarkerAndShapeIsClean() {
        assertThat(detector.inspect(filler, "{\"shift_start\":\"08:00\",\"shift_end\":\"16:00\"}")).isEmpty();
        assertThat(detector.inspect(assistant, "[assistant] Plain prose answer.")).isEmpty();
    }

    @Test
    void aRoleWithoutBleedCheckIsNotInspected() {
        Role free = new Role("default", "", null, List.of(), Set.of(), Contract.TEXT, InvalidPolicy.FLAG, 3, List.of(),
                List.of(), false);

        assertThat(detector(0.3, free, email).inspect(free, "{\"to\":[],\"bcc\":[],\"subject\":\"s\",\"body\":\"b\"}")).isEmpty();
    }

    @Test
    void theThresholdIsConfigurable() {
        String half = "I write short polite business emails as one JSON object with to, cc, bcc, subject and body.";

        assertThat(detector(0.3, assistant, email).inspect(assistant, half)).isNotEmpty();
        assertThat(detector(0.9, assistant, email).inspect(assistant, half)).isEmpty();
    }

    private static Role role(String name, String prompt, Contract contract, List<String> markers, List<String> shape) {
        return new Role(name, "", prompt, List.of(new ModelRef("openai", "m")), Set.of(), contract, InvalidPolicy.REJECT,
                3, markers, shape, true);
    }

    private static BleedDetector detector(double threshold, Role... roles) {
        Map<String, Role> all = new LinkedHashMap<>();
        for (Role role : roles) {
            all.put(role.name(), role);
        }
        return new BleedDetector(new RoleRegistry("test", all), JsonMapper.builder().build(),
                new ChatdProperties.Gate(5, threshold));
    }
}
