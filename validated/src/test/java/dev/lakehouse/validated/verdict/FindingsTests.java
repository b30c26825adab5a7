package dev.lakehouse.validated.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.schemas.verdict.Violation;
import org.junit.jupiter.api.Test;

class FindingsTests {

    @Test
    void onlyErrorsMakeAVerdictInvalid() {
        Findings findings = new Findings(10);

        findings.warning("a.warning", "", "w");
        findings.info("a.note", "", "i");

        assertThat(findings.hasErrors()).isFalse();
        findings.error("an.error", "/x", "e");
        assertThat(findings.hasErrors()).isTrue();
        assertThat(findings.hasErrorAt("/x")).isTrue();
    }

    @Test
    void pastTheCapOnlyACountIsKept() {
        Findings findings = new Findings(3);

        for (int i = 0; i < 10; i++) {
            findings.error("an.error", "/" + i, "e");
        }

        assertThat(findings.toList()).hasSize(4);
        assertThat(findings.toList().getLast()).extracting(Violation::code, Violation::message)
                .containsExactly(Findings.TRUNCATED, "7 more violation(s) were not listed; at most 3 are reported");
    }

    @Test
    void pointersEscapeTildeAndSlash() {
        assertThat(JsonPointers.child("/a", "b/c~d")).isEqualTo("/a/b~1c~0d");
        assertThat(JsonPointers.unescape("b~1c~0d")).isEqualTo("b/c~d");
        assertThat(JsonPointers.isValid("/a/~2")).isFalse();
        assertThat(JsonPointers.isValid("a")).isFalse();
        assertThat(JsonPointers.isValid("")).isTrue();
    }

    @Test
    void patternsResolveWildcardsInDocumentOrder() {
        var fill = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree("{\"workers\": [{\"name\": \"A\"}, {\"phone\": \"1\"}, {\"name\": \"C\"}]}");

        assertThat(PointerPattern.parse("/workers/*/name").resolve(fill)).extracting(Located::pointer)
                .containsExactly("/workers/0/name", "/workers/2/name");
        assertThat(PointerPattern.parse("/workers/*/name").matches("/workers/7/name")).isTrue();
        assertThat(PointerPattern.parse("/workers/1/phone").at(fill).asString()).isEqualTo("1");
    }
}
