package dev.lakehouse.chassis;

import dev.lakehouse.chassis.bodylimit.BodySizeLimitFilter;
import dev.lakehouse.chassis.bodylimit.HttpLimitsProperties;
import dev.lakehouse.chassis.client.PeerCallInterceptor;
import dev.lakehouse.chassis.client.PeerClientsConfigurer;
import dev.lakehouse.chassis.internalauth.InternalAuthProperties;
import dev.lakehouse.chassis.internalauth.InternalToken;
import dev.lakehouse.chassis.internalauth.InternalTokenFilter;
import dev.lakehouse.chassis.json.JsonLimitsConfiguration;
import dev.lakehouse.chassis.lake.LakeConfiguration;
import dev.lakehouse.chassis.problem.ProblemErrorController;
import dev.lakehouse.chassis.problem.ProblemExceptionHandler;
import dev.lakehouse.chassis.problem.ProblemWriter;
import dev.lakehouse.chassis.requestid.RequestIdFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the chassis into every daemon: error format, request ids, internal auth, body limit, peer clients, the lake. */
@AutoConfiguration(
        beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties({InternalAuthProperties.class, HttpLimitsProperties.class})
@Import({LakeConfiguration.class, JsonLimitsConfiguration.class})
public class ChassisAutoConfiguration {

    @Bean
    InternalToken internalToken(InternalAuthProperties properties) {
        return InternalToken.from(properties);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RestClient.class)
    static class PeerClients {

        @Bean
        PeerCallInterceptor peerCallInterceptor(InternalToken token) {
            return new PeerCallInterceptor(token.value());
        }

        @Bean
        PeerClientsConfigurer peerClientsConfigurer(PeerCallInterceptor interceptor) {
            return new PeerClientsConfigurer(interceptor);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Servlet {

        @Bean
        ProblemWriter problemWriter(JsonMapper json) {
            return new ProblemWriter(json);
        }

        @Bean
        ProblemExceptionHandler problemExceptionHandler() {
            return new ProblemExceptionHandler();
        }

        @Bean
        ProblemErrorController problemErrorController() {
            return new ProblemErrorController();
        }

        @Bean
        FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
            FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        @Bean
        FilterRegistrationBean<InternalTokenFilter> internalTokenFilter(InternalToken token,
                InternalAuthProperties properties, ProblemWriter problems) {
            FilterRegistrationBean<InternalTokenFilter> registration =
                    new FilterRegistrationBean<>(new InternalTokenFilter(token, properties.openPaths(), problems));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }

        @Bean
        FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(HttpLimitsProperties properties,
                ProblemWriter problems) {
            FilterRegistrationBean<BodySizeLimitFilter> registration =
                    new FilterRegistrationBean<>(new BodySizeLimitFilter(properties, problems));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            return registration;
        }
    }
}
