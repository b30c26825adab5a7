package dev.lakehouse.chassis.internalauth;

import dev.lakehouse.chassis.LakehouseHeaders;
import dev.lakehouse.chassis.problem.ProblemWriter;
import dev.lakehouse.chassis.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses every call that does not carry the internal token, except the open probe paths. */
public class InternalTokenFilter extends OncePerRequestFilter {

    private final InternalToken token;
    private final List<String> openPaths;
    private final ProblemWriter problems;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public InternalTokenFilter(InternalToken token, List<String> openPaths, ProblemWriter problems) {
        this.token = token;
        this.openPaths = List.copyOf(openPaths);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return openPaths.stream().anyMatch(pattern -> matcher.match(pattern, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token.matches(request.getHeader(LakehouseHeaders.INTERNAL_TOKEN))) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "internal_token_required",
                "Internal token required",
                "daemons answer only the gateway and their peers; call this API through the gateway"));
    }
}
