package dev.lakehouse.embedd.web;

import dev.lakehouse.chassis.bodylimit.HttpLimitsProperties;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** After the chassis' request id (highest) and internal token (+10) filters, before its body limit (+20). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

    @Bean
    FilterRegistrationBean<ApiBodyLimitFilter> apiBodyLimitFilter(HttpLimitsProperties limits, List<ApiErrorShape> shapes) {
        FilterRegistrationBean<ApiBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new ApiBodyLimitFilter(limits.maxBodySize().toBytes(), shapes));
        registration.setOrder(ORDER);
        return registration;
    }
}
