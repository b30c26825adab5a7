package dev.lakehouse.validated;

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
import dev.lakehouse.validated.validation.ValidationService;
import dev.lakehouse.validated.validation.ValidatorVersion;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the validators: plain Java objects, built once from {@link ValidatedProperties}. */
@Configuration(proxyBeanMethods = false)
class ValidatedConfiguration {

    private final JsonMapper payloads = JsonMappers.payloads();

    @Bean
    SensitiveDataDetector sensitiveDataDetector(ValidatedProperties properties) {
        return new SensitiveDataDetector(properties.sensitive().effectiveNationalIds());
    }

    @Bean
    ContractRegistry contractRegistry(ValidatedProperties properties) {
        FillSchemas schemas = new FillSchemas(new EmailAddressParser());
        JsonMapper contracts = JsonMappers.contracts();
        ContractLoader loader = new ContractLoader(List.of(new FillContractReader(schemas),
                new EmailContractReader(contracts, properties.sensitive().effectiveNationalIds())), contracts);
        return loader.load(List.of(TextContract.INSTANCE), List.of(ContractLoader.FILL_CONTRACTS, ContractLoader.EMAIL_RULESETS),
                properties.contractsDir());
    }

    @Bean
    ValidationService validationService(ValidatedProperties properties, SensitiveDataDetector sensitive,
            ObjectProvider<BuildProperties> build) {
        PlaceholderDetector placeholders = new PlaceholderDetector();
        BuildProperties info = build.getIfAvailable();
        String moduleVersion = info != null && info.getVersion() != null ? info.getVersion() : "0.0.0-dev";
        return new ValidationService(new TextValidator(), new EmailValidator(payloads, placeholders, sensitive),
                new FillValidator(payloads, placeholders), new ValidatorVersion(moduleVersion), properties.maxViolations());
    }
}
