package io.storedesk.pos.common.internal;

import java.io.IOException;

import io.storedesk.pos.common.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Once the database cannot write its file ({@link StorageState}), every request that would write
 * is answered with a 503 {@code storage-full} problem at once, before it reaches the database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class StorageGuard extends OncePerRequestFilter {

    private final StorageState state;
    private final JsonMapper json;

    StorageGuard(StorageState state, JsonMapper json) {
        this.state = state;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return state.failure() == null || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, StorageState.STORAGE_FULL);
        problem.setType(ProblemTypes.uri("storage-full"));
        problem.setTitle("Storage full");
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), problem);
    }
}
