package dev.lakehouse.vectord.api;

import dev.lakehouse.vectord.collection.CollectionNames;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks the collection named in the path before any handler runs: a name that cannot be a
 * collection is a 400, a collection the caller's key may not use is a 403.
 */
class CollectionAccessInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("name") instanceof String name) {
            CollectionNames.requireValid(name);
            CollectionAccess.of(request).require(name);
        }
        return true;
    }
}
