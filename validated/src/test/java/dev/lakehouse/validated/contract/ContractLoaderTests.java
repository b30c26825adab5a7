package dev.lakehouse.validated.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.schemas.verdict.Violation;
import dev.lakehouse.validated.TestValidators;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractLoaderTests {

    @TempDir
    Path dir;

    @Test
    void loadsTheBuiltInAndShippedContracts() {
        assertThat(TestValidators.shipped().registry().all()).extracting(Contract::id).containsExactly(
                "email", "email:customer-support", "fill:lakehouse.contract.invoice-extraction/v1",
                "fill:lakehouse.contract.meeting-schedule/v1", "fill:lakehouse.contract.shift-fill/v1", "text");
    }

    @Test
    void aDirectoryAddsFillContractsThatAllowExtraSlots() throws Exception {
        Files.writeString(dir.resolve("note.json"), """
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "$id": "https://schemas.lakehouse.dev/contract.note/v2.json",
                 "type": "object", "required": ["text"], "properties": {"text": {"type": "string"}},
                 "x-lakehouse": {"extraSlots": "allow", "description": "A note"}}
                """);

        TestValidators validators = TestValidators.withDirectory(dir);

        Contract note = validators.contract("fill:lakehouse.contract.note/v2");
        assertThat(note.description()).isEqualTo("A note");
        assertThat(note.origin()).endsWith("note.json");
        assertThat(validators.validateJson(note.id(), "{\"text\": \"hi\", \"mood\": \"ok\"}").violations()).isEmpty();
        assertThat(validators.validateJson(note.id(), "{\"mood\": \"ok\"}").violations()).extracting(Violation::code)
                .containsExactly("fill.slot.missing");
    }

    @Test
    void aDirectoryRulesetReplacesTheShippedOneOfTheSameId() throws Exception {
        Files.writeString(dir.resolve("email.json"), "{\"contract\": \"email\", \"recipients\": {\"deniedDomains\": [\"example.com\"]}}");

        TestValidators validators = TestValidators.withDirectory(dir);

        assertThat(validators.contract("email").origin()).endsWith("email.json");
        assertThat(validators.contract("email").rulesHash()).isNotEqualTo(TestValidators.shipped().contract("email").rulesHash());
        assertThat(validators.validateJson("email", "{\"to\": [\"a@example.com\"], \"subject\": \"s\", \"body\": \"Hello Ana,\\nhi\"}")
                .violations()).extracting(Violation::code).containsExactly("email.domain.denied");
    }

    @Test
    void aBrokenContractStopsTheStartNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{\"contract\": \"email:bad\", \"recipients\": {\"maxx\": 3}}");

        assertThatThrownBy(() -> TestValidators.withDirectory(dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bad.json").hasMessageContaining("maxx");
    }

    @Test
    void aFileOfUnknownShapeStopsTheStart() throws Exception {
        Files.writeString(dir.resolve("what.json"), "{\"name\": \"x\"}");

        assertThatThrownBy(() -> TestValidators.withDirectory(dir)).hasMessageContaining("neither a fill contract");
    }

    @Test
    void twoDirectoryFilesWithOneIdStopTheStart() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{\"contract\": \"email:twice\"}");
        Files.writeString(dir.resolve("b.json"), "{\"contract\": \"email:twice\"}");

        assertThatThrownBy(() -> TestValidators.withDirectory(dir)).hasMessageContaining("defined twice");
    }

    @Test
    void aFillContractIdMustBeInTheContractFamily() throws Exception {
        Files.writeString(dir.resolve("x.json"), "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
                + " \"$id\": \"https://schemas.lakehouse.dev/observation/v9.json\", \"type\": \"object\"}");

        assertThatThrownBy(() -> TestValidators.withDirectory(dir)).hasMessageContaining("must start with 'contract.'");
    }

    @Test
    void contractIdsHaveOneSyntax() {
        assertThat(ContractIds.kindOf("text")).contains(ContractKind.TEXT);
        assertThat(ContractIds.kindOf("email:customer-support")).contains(ContractKind.EMAIL);
        assertThat(ContractIds.kindOf("fill:lakehouse.contract.shift-fill/v1")).contains(ContractKind.FILL);
        assertThat(ContractIds.kindOf("fill:lakehouse.observation/v1")).isEmpty();
        assertThat(ContractIds.kindOf("email:Sales")).isEmpty();
        assertThat(ContractIds.kindOf("fill:")).isEmpty();
    }
}
