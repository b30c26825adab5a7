package dev.lakehouse.chassis.requestid;

import dev.lakehouse.chassis.LakehouseHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's when acceptable), returns it on the response,
 * and puts it in the log context so that every line a request causes can be found.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    /** Request attribute holding the id, for code that has the request but not the MDC. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestIds.acceptOrGenerate(request.getHeader(LakehouseHeaders.REQUEST_ID));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(LakehouseHeaders.REQUEST_ID, id);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
