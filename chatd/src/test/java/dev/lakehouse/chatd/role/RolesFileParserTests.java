package dev.lakehouse.chatd.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lakehouse.chatd.model.ModelRef;
import dev.lakehouse.chatd.provider.ProviderRegistry;
import org.junit.jupiter.api.Test;

class RolesFileParserTests {

    @Test
    void theShippedSampleLoadsWithItsFourRoles() {
        RoleRegistry roles = RoleRegistry.load("classpath:roles.yml", ProviderRegistry.KNOWN);

        assertThat(roles.names()).contains("default", "assistant", "email-writer", "form-filler");
        Role email = roles.find("email-writer").orElseThrow();
        assertThat(email.contract().kind()).isEqualTo(Contract.Kind.EMAIL);
        assertThat(email.onInvalid()).isEqualTo(InvalidPolicy.REASK);
        assertThat(roles.find("form-filler").orElseThrow().contract().id()).isEqualTo("fill:lakehouse.contract.shift-fill/v1");
        assertThat(roles.find("assistant").orElseThrow().chain())
                .contains(new ModelRef("openrouter", "meta-llama/llama-3.1-8b-instruct"));
        Role fallback = roles.find("default").orElseThrow();
        assertThat(fallback.systemPrompt()).isNull();
        assertThat(fallback.contract()).isEqualTo(Contract.TEXT);
        assertThat(fallback.providers()).isEmpty();
    }

    @Test
    void everyProblemIsListedWithItsPlaceInTheFile() {
        String yaml = """
                roles:
                  writer:
                    contract: letter
                    on-invalid: shrug
                    max-attempts: 99
                    chain: [openai, acme/model-1]
                    colour: blue
                  Bad_Name:
                    contract: text
                """;

        RolesFileException failure = catchThrowableOfType(RolesFileException.class,
                () -> new RolesFileParser(ProviderRegistry.KNOWN).parse("roles.yml", yaml));

        assertThat(failure.problems()).anySatisfy(p -> assertThat(p).startsWith("roles.writer.contract:").contains("letter"))
                .anySatisfy(p -> assertThat(p).startsWith("roles.writer.on-invalid:").contains("reject, reask, fallback, flag"))
                .anySatisfy(p -> assertThat(p).startsWith("roles.writer.max-attempts:"))
                .anySatisfy(p -> assertThat(p).startsWith("roles.writer.chain:").contains("'openai' is not provider/model"))
                .anySatisfy(p -> assertThat(p).contains("unknown provider 'acme'"))
                .anySatisfy(p -> assertThat(p).startsWith("roles.writer.colour: unknown key"))
                .anySatisfy(p -> assertThat(p).startsWith("roles.Bad_Name:"));
        assertThat(failure.getMessage()).startsWith("roles file roles.yml is invalid");
    }

    @Test
    void aFileWithoutRolesOrNotYamlIsRefused() {
        assertThat(catchThrowableOfType(RolesFileException.class,
                () -> new RolesFileParser(ProviderRegistry.KNOWN).parse("f", "colour: blue")).problems())
                .containsExactly("a top-level 'roles' map with at least one role is required");
        assertThat(catchThrowableOfType(RolesFileException.class,
                () -> new RolesFileParser(ProviderRegistry.KNOWN).parse("f", "roles: [unclosed")).problems().getFirst())
                .startsWith("not valid YAML");
    }

    @Test
    void aFileWithoutADefaultRoleGetsTheBuiltInOne() {
        var roles = new RolesFileParser(ProviderRegistry.KNOWN).parse("f", "roles:\n  poet:\n    contract: text\n");

        assertThat(roles).containsKeys("poet", "default");
        assertThat(roles.get("default").onInvalid()).isEqualTo(InvalidPolicy.FLAG);
    }

    @Test
    void aMissingFileSaysSo() {
        RolesFileException failure = catchThrowableOfType(RolesFileException.class,
                () -> RoleRegistry.load("/no/such/roles.yml", ProviderRegistry.KNOWN));

        assertThat(failure.problems().getFirst()).startsWith("cannot be read");
    }
}
