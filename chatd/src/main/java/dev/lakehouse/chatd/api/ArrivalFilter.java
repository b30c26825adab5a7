package dev.lakehouse.chatd.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.springframework.web.filter.OncePerRequestFilter;

/** Notes when a request arrived, before its body is parsed, so the overhead header counts parsing too. */
public final class ArrivalFilter extends OncePerRequestFilter {

    static final String NANOS = ArrivalFilter.class.getName() + ".nanos";
    static final String INSTANT = ArrivalFilter.class.getName() + ".instant";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(NANOS, System.nanoTime());
        request.setAttribute(INSTANT, Instant.now());
        chain.doFilter(request, response);
    }
}
