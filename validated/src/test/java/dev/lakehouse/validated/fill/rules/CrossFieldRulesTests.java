package dev.lakehouse.validated.fill.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.schemas.verdict.Violation;
import dev.lakehouse.validated.output.JsonMappers;
import dev.lakehouse.validated.verdict.Findings;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CrossFieldRulesTests {

    private static final JsonMapper JSON = JsonMappers.payloads();

    @Test
    void compareOrdersNumbersDatesTimesAndDateTimes() {
        String rules = "[{\"id\": \"n\", \"type\": \"compare\", \"left\": \"/n\", \"op\": \"<\", \"right\": {\"const\": 10}},"
                + "{\"id\": \"d\", \"type\": \"compare\", \"left\": \"/due\", \"op\": \">=\", \"right\": \"/issued\"},"
                + "{\"id\": \"t\", \"type\": \"compare\", \"left\": \"/end\", \"op\": \">\", \"right\": \"/start\"},"
                + "{\"id\": \"z\", \"type\": \"compare\", \"left\": \"/until\", \"op\": \">\", \"right\": \"/at\"}]";

        assertThat(paths(rules, "{\"n\": 9.5, \"due\": \"2026-03-02\", \"issued\": \"2026-03-01\", \"end\": \"10:00\","
                + " \"start\": \"09:30\", \"until\": \"2026-03-06\", \"at\": \"2026-03-05T23:00:00-05:00\"}")).isEmpty();
        assertThat(paths(rules, "{\"n\": 10, \"due\": \"2026-02-28\", \"issued\": \"2026-03-01\", \"end\": \"09:00\","
                + " \"start\": \"09:30\", \"until\": \"2026-03-05\", \"at\": \"2026-03-05T23:00:00-05:00\"}"))
                .containsExactly("/n", "/due", "/end", "/until");
    }

    @Test
    void compareDoesNotApplyToAbsentOrMismatchedValues() {
        String rules = "[{\"id\": \"t\", \"type\": \"compare\", \"left\": \"/end\", \"op\": \"==\", \"right\": \"/start\"}]";

        assertThat(paths(rules, "{\"start\": \"09:30\"}")).isEmpty();
        assertThat(paths(rules, "{\"start\": \"09:30\", \"end\": 930}")).isEmpty();
        assertThat(paths(rules, "{\"start\": 1, \"end\": 1.0}")).isEmpty();
    }

    @Test
    void countComparesTheNumberOfValues() {
        String rules = "[{\"id\": \"c\", \"type\": \"compare\", \"left\": {\"count\": \"/w/*/name\"}, \"op\": \"==\", \"right\": \"/n\"}]";

        assertThat(paths(rules, "{\"n\": 2, \"w\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}")).isEmpty();
        assertThat(paths(rules, "{\"n\": 2, \"w\": [{\"name\": \"a\"}, {}]}")).containsExactly("/w/*/name");
    }

    @Test
    void requiredAndForbiddenFollowTheirCondition() {
        String rules = "[{\"id\": \"r\", \"type\": \"required\", \"when\": {\"path\": \"/s\", \"equals\": \"done\"}, \"paths\": [\"/at\"]},"
                + "{\"id\": \"f\", \"type\": \"forbidden\", \"when\": {\"path\": \"/at\", \"present\": false}, \"paths\": [\"/by\"]}]";

        assertThat(paths(rules, "{\"s\": \"done\", \"at\": \"x\"}")).isEmpty();
        assertThat(paths(rules, "{\"s\": \"done\", \"at\": \" \"}")).containsExactly("/at");
        assertThat(paths(rules, "{\"s\": \"open\", \"by\": \"ana\"}")).containsExactly("/by");
        assertThat(paths(rules, "{\"s\": \"open\"}")).isEmpty();
    }

    @Test
    void sumsAndProductsUseExactDecimalsWithinTheTolerance() {
        String rules = "[{\"id\": \"p\", \"type\": \"product\", \"each\": \"/items/*\", \"of\": [\"/q\", \"/u\"], \"equals\": \"/a\"},"
                + "{\"id\": \"s\", \"type\": \"sum\", \"of\": [\"/items/*/a\"], \"equals\": \"/total\", \"tolerance\": 0.01}]";

        assertThat(paths(rules, "{\"items\": [{\"q\": 3, \"u\": 0.1, \"a\": 0.3}, {\"q\": 1, \"u\": 0.2, \"a\": 0.2}], \"total\": 0.505}"))
                .isEmpty();
        assertThat(paths(rules, "{\"items\": [{\"q\": 3, \"u\": 0.1, \"a\": 0.31}, {\"q\": 1, \"u\": 0.2, \"a\": 0.2}], \"total\": 0.53}"))
                .containsExactly("/items/0/a", "/total");
    }

    @Test
    void violationsNameTheRuleAndItsMessage() {
        String rules = "[{\"id\": \"ends-after-start\", \"type\": \"compare\", \"left\": \"/end\", \"op\": \">\", \"right\": \"/start\","
                + " \"message\": \"a shift ends after it starts\"}]";

        Violation violation = check(rules, "{\"start\": \"10:00\", \"end\": \"09:00\"}").getFirst();

        assertThat(violation.code()).isEqualTo("fill.rule.compare");
        assertThat(violation.message()).isEqualTo(
                "rule ends-after-start: a shift ends after it starts (/end (\"09:00\") must be > /start (\"10:00\"))");
    }

    private static List<String> paths(String rules, String fill) {
        return check(rules, fill).stream().map(Violation::path).toList();
    }

    private static List<Violation> check(String rules, String fill) {
        FillRules read = FillRulesReader.read(JSON.readTree("{\"rules\": " + rules + "}"));
        Findings findings = new Findings(100);
        CrossFieldRules.check(read.rules(), JSON.readTree(fill), findings);
        return findings.toList();
    }
}
