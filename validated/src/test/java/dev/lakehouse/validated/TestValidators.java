package dev.lakehouse.validated;

import dev.lakehouse.schemas.verdict.ValidationVerdict;
import dev.lakehouse.validated.contract.Contract;
import dev.lakehouse.validated.contract.ContractLoader;
import dev.lakehouse.validated.contract.ContractRegistry;
import dev.lakehouse.validated.email.EmailAddressParser;
import dev.lakehouse.validated.email.EmailContractReader;
import dev.lakehouse.validated.email.EmailValidator;
import dev.lakehouse.validated.fill.FillContractReader;
import dev.lakehouse.validated.fill.FillSchemas;
import dev.lakehouse.validated.fill.FillValidator;
import dev.lakehouse.validated.output.JsonMappers;
import dev.lakehouse.validated.placeholder.PlaceholderDetector;
import dev.lakehouse.validated.sensitive.SensitiveDataDetector;
import dev.lakehouse.validated.text.TextContract;
import dev.lakehouse.validated.text.TextValidator;
import dev.lakehouse.validated.validation.ValidationRequest;
import dev.lakehouse.validated.validation.ValidationService;
import dev.lakehouse.validated.validation.ValidatorVersion;
import dev.lakehouse.validated.verdict.ValidationContext;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The validators as the daemon wires them, without Spring, for unit tests. */
public final class TestValidators {

    public static final JsonMapper JSON = JsonMappers.payloads();

    private final ContractRegistry registry;
    private final ValidationService service;

    private TestValidators(@Nullable Path contractsDir) {
        var nationalIds = ValidatedProperties.Sensitive.DEFAULT_NATIONAL_IDS;
        ContractLoader loader = new ContractLoader(List.of(new FillContractReader(new FillSchemas(new EmailAddressParser())),
                new EmailContractReader(JsonMappers.contracts(), nationalIds)), JsonMappers.contracts());
        this.registry = loader.load(List.of(TextContract.INSTANCE),
                List.of(ContractLoader.FILL_CONTRACTS, ContractLoader.EMAIL_RULESETS), contractsDir);
        PlaceholderDetector placeholders = new PlaceholderDetector();
        this.service = new ValidationService(new TextValidator(),
                new EmailValidator(JSON, placeholders, new SensitiveDataDetector(nationalIds)),
                new FillValidator(JSON, placeholders), new ValidatorVersion("1.2.3"), 200);
    }

    public static TestValidators shipped() {
        return new TestValidators(null);
    }

    public static TestValidators withDirectory(Path contractsDir) {
        return new TestValidators(contractsDir);
    }

    public ContractRegistry registry() {
        return registry;
    }

    public Contract contract(String id) {
        return registry.find(id).orElseThrow(() -> new AssertionError("no contract " + id));
    }

    public ValidationVerdict validate(String contractId, JsonNode payload, ValidationContext context) {
        return service.validate(new ValidationRequest(contract(contractId), payload, context));
    }

    public ValidationVerdict validate(String contractId, JsonNode payload) {
        return validate(contractId, payload, ValidationContext.EMPTY);
    }

    public ValidationVerdict validateJson(String contractId, String json) {
        return validate(contractId, JSON.readTree(json));
    }
}
