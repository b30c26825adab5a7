package dev.lakehouse.validated.api;

import dev.lakehouse.schemas.verdict.ValidationVerdict;
import dev.lakehouse.validated.ValidatedProperties;
import dev.lakehouse.validated.contract.ContractRegistry;
import dev.lakehouse.validated.validation.ValidationRequest;
import dev.lakehouse.validated.validation.ValidationService;
import dev.lakehouse.validated.validation.ValidatorVersion;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/validate}, {@code POST /v1/validate/batch} and {@code GET /v1/validators}. */
@RestController
class ValidateController {

    private final ValidationService validation;
    private final ContractRegistry contracts;
    private final ValidatedProperties properties;
    private final ValidationRequestReader requests;

    ValidateController(ValidationService validation, ContractRegistry contracts, ValidatedProperties properties) {
        this.validation = validation;
        this.contracts = contracts;
        this.properties = properties;
        this.requests = new ValidationRequestReader(contracts, properties.maxPayloadChars());
    }

    @PostMapping(path = "/v1/validate", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ValidationVerdict validate(@RequestBody JsonNode body) {
        return validation.validate(requests.read(body, ""));
    }

    /** All items are checked before any is validated: one bad item refuses the whole batch, naming it. */
    @PostMapping(path = "/v1/validate/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    BatchVerdicts validateBatch(@RequestBody JsonNode body) {
        JsonNode items = body.get("items");
        if (!body.isObject() || items == null || !items.isArray()) {
            throw InvalidRequestException.at("/items", "is required: an array of validation requests");
        }
        if (body.size() > 1) {
            throw InvalidRequestException.at("", "a batch has only the member items");
        }
        if (items.isEmpty()) {
            throw InvalidRequestException.at("/items", "must hold at least one request");
        }
        if (items.size() > properties.maxBatchItems()) {
            throw LimitExceededException.batchTooLarge(items.size(), properties.maxBatchItems());
        }
        List<ValidationRequest> read = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            read.add(requests.read(items.get(i), "/items/" + i));
        }
        List<ValidationVerdict> verdicts = read.stream().map(validation::validate).toList();
        return new BatchVerdicts(verdicts.stream().allMatch(ValidationVerdict::valid), verdicts.size(), verdicts);
    }

    @GetMapping(path = "/v1/validators", produces = MediaType.APPLICATION_JSON_VALUE)
    ValidatorsView validators() {
        ValidatorVersion version = validation.version();
        return new ValidatorsView(version.moduleVersion(),
                new ValidatorsView.Limits(properties.maxBatchItems(), properties.maxPayloadChars(), properties.maxViolations()),
                contracts.all().stream().map(contract -> ValidatorsView.ContractView.of(contract, version)).toList());
    }
}
