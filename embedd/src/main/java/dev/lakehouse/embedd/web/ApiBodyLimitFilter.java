package dev.lakehouse.embedd.web;

import dev.lakehouse.embedd.backend.EmbeddingException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body whose Content-Length is over {@code lakehouse.http.max-body-size} with 413 in
 * the API's own error shape, ahead of the chassis filter that would answer a problem detail.
 * A chunked body that grows too large is caught by the chassis while it is read, and the
 * surface's error advice renders it in the same shape.
 */
public class ApiBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final List<ApiErrorShape> shapes;

    public ApiBodyLimitFilter(long limit, List<ApiErrorShape> shapes) {
        this.limit = limit;
        this.shapes = List.copyOf(shapes);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return shapeOf(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiErrorShape shape = shapeOf(request);
        if (shape == null || request.getContentLengthLong() <= limit) {
            chain.doFilter(request, response);
            return;
        }
        EmbeddingException tooLarge = EmbeddingException.tooLarge(limit);
        response.setStatus(tooLarge.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(shape.render(tooLarge));
    }

    private @Nullable ApiErrorShape shapeOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (ApiErrorShape shape : shapes) {
            if (shape.handles(path)) {
                return shape;
            }
        }
        return null;
    }
}
