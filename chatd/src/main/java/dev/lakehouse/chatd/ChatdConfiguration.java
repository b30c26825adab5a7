package dev.lakehouse.chatd;

import dev.lakehouse.chassis.lake.LakeProperties;
import dev.lakehouse.chassis.lake.LakeReader;
import dev.lakehouse.chassis.lake.LakeWriters;
import dev.lakehouse.chatd.api.ArrivalFilter;
import dev.lakehouse.chatd.api.ChatEndpoint;
import dev.lakehouse.chatd.api.RequestReader;
import dev.lakehouse.chatd.api.anthropic.AnthropicCodec;
import dev.lakehouse.chatd.api.ollama.OllamaCodec;
import dev.lakehouse.chatd.api.openai.OpenAiCodec;
import dev.lakehouse.chatd.dispatch.ChatDispatcher;
import dev.lakehouse.chatd.dispatch.ProviderGuards;
import dev.lakehouse.chatd.gate.BleedDetector;
import dev.lakehouse.chatd.model.ModelCatalog;
import dev.lakehouse.chatd.observation.ObservationRecorder;
import dev.lakehouse.chatd.provider.IdleWatchdog;
import dev.lakehouse.chatd.provider.ProviderRegistry;
import dev.lakehouse.chatd.provider.Providers;
import dev.lakehouse.chatd.provider.ProvidersHealthIndicator;
import dev.lakehouse.chatd.provider.ProvidersProperties;
import dev.lakehouse.chatd.provider.SecretRedactor;
import dev.lakehouse.chatd.provider.replay.CassetteIndex;
import dev.lakehouse.chatd.provider.replay.CassetteProvider;
import dev.lakehouse.chatd.provider.replay.ReplayProperties;
import dev.lakehouse.chatd.role.RoleRegistry;
import dev.lakehouse.chatd.validation.ContractValidator;
import dev.lakehouse.chatd.validation.ValidatedClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.service.registry.ImportHttpServices;
import tools.jackson.databind.json.JsonMapper;

/** Wires chatd: providers and their guards, roles and the gate, validation, dispatch, surfaces, observations. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "validated", types = ValidatedClient.class)
public class ChatdConfiguration {

    @Bean(destroyMethod = "close")
    IdleWatchdog idleWatchdog() {
        return new IdleWatchdog(Duration.ofMillis(250));
    }

    @Bean
    SecretRedactor secretRedactor(ProvidersProperties providers) {
        List<String> keys = new ArrayList<>();
        providers.byName().values().stream().filter(settings -> settings.hasKey())
                .forEach(settings -> keys.add(settings.apiKey().strip()));
        return new SecretRedactor(keys);
    }

    @Bean
    ProviderGuards providerGuards(MeterRegistry meters) {
        return new ProviderGuards(meters);
    }

    /** Reads without schema validation: the open segment is re-read at every refresh and chatd wrote it. */
    @Bean
    CassetteIndex cassetteIndex(LakeProperties lake, JsonMapper json, ReplayProperties replay) {
        return new CassetteIndex(new LakeReader(lake.dir(), json, null), replay);
    }

    @Bean
    CassetteProvider cassetteProvider(CassetteIndex index, ReplayProperties replay) {
        return new CassetteProvider(index, replay);
    }

    @Bean(destroyMethod = "close")
    Providers providerRuntime(ProvidersProperties properties, ReplayProperties replay, JsonMapper json, IdleWatchdog watchdog,
            SecretRedactor redactor, ProviderGuards guards, CassetteProvider cassette) {
        return Providers.start(properties, replay, json, watchdog, redactor, guards, cassette);
    }

    @Bean
    ProviderRegistry providerRegistry(Providers providers) {
        return providers.registry();
    }

    @Bean("providers")
    ProvidersHealthIndicator providersHealthIndicator(Providers providers, ProviderGuards guards,
            CassetteProvider cassette, ReplayProperties replay) {
        return new ProvidersHealthIndicator(providers.registry(), guards, providers.ollamaTags(),
                replay.enabled() ? cassette : null);
    }

    @Bean
    RoleRegistry roleRegistry(ChatdProperties properties) {
        return RoleRegistry.load(properties.rolesFile(), ProviderRegistry.KNOWN);
    }

    @Bean
    BleedDetector bleedDetector(RoleRegistry roles, JsonMapper json, ChatdProperties properties) {
        return new BleedDetector(roles, json, properties.gate());
    }

    @Bean
    ContractValidator contractValidator(ValidatedClient validated, ChatdProperties properties, RoleRegistry roles) {
        return new ContractValidator(validated, properties.validation(), roles);
    }

    @Bean
    ChatDispatcher chatDispatcher(ProviderRegistry registry, ProviderGuards guards, BleedDetector bleed,
            ContractValidator validator) {
        return new ChatDispatcher(registry, guards, bleed, validator);
    }

    @Bean
    ModelCatalog modelCatalog(ProviderRegistry registry) {
        return new ModelCatalog(registry);
    }

    @Bean
    ObservationRecorder observationRecorder(LakeWriters lake) {
        return new ObservationRecorder(lake.open(ObservationRecorder.STREAM), lake.instance());
    }

    @Bean
    RequestReader requestReader(ChatdProperties properties) {
        return new RequestReader(properties.limits());
    }

    @Bean
    OpenAiCodec openAiCodec(RequestReader reader, JsonMapper json) {
        return new OpenAiCodec(reader, json);
    }

    @Bean
    OllamaCodec ollamaCodec(RequestReader reader, JsonMapper json) {
        return new OllamaCodec(reader, json);
    }

    @Bean
    AnthropicCodec anthropicCodec(RequestReader reader, JsonMapper json) {
        return new AnthropicCodec(reader, json);
    }

    @Bean
    ChatEndpoint chatEndpoint(RoleRegistry roles, ModelCatalog catalog, ChatDispatcher dispatcher,
            ObservationRecorder recorder, JsonMapper json) {
        return new ChatEndpoint(roles, catalog, dispatcher, recorder, json);
    }

    @Bean
    FilterRegistrationBean<ArrivalFilter> arrivalFilter() {
        FilterRegistrationBean<ArrivalFilter> registration = new FilterRegistrationBean<>(new ArrivalFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
