package io.storedesk.pos.headoffice.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.storedesk.pos.common.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * In the head-office role only head office's own addresses are served; everything else the jar
 * holds (the store's API and pages: sales, returns, drawers, customers, cases, the store's reports
 * and promotions, sync, ...) answers 404 {@code not-served-in-head-office} before any controller
 * or sign-in runs. One allow-list, here, instead of a condition on every store controller: a store
 * endpoint added later is off in head office without anyone remembering to mark it.
 * <p>
 * Served: the head-office API ({@code /api/ho/**}), sign-in ({@code /login}, {@code /logout},
 * {@code /api/v1/auth/**}), health and the other actuator endpoints, the head-office page
 * ({@code /office/stores}; {@code /} leads there), the item and price pages ({@code /office/items},
 * {@code /office/items/{sku}}, {@code /office/prices/import}), stock across the stores and the gift-card
 * report ({@code /office/stock}, {@code /office/gift-cards}), the error page, static assets and the API docs.
 */
@Component
@ConditionalOnProperty(name = "pos.role", havingValue = "head-office")
@Order(Ordered.HIGHEST_PRECEDENCE + 20) // before Spring Security's chain: a store address is 404 signed in or not
class HeadOfficeRoutes extends OncePerRequestFilter {

    /** Exact paths served in the head-office role. */
    static final List<String> PATHS = List.of("/login", "/logout", "/error", "/favicon.ico", "/office/stores",
            "/office/items", "/office/prices/import", "/office/stock", "/office/gift-cards",
            "/v3/api-docs", "/swagger-ui.html");
    /** Path prefixes served in the head-office role. */
    static final List<String> PREFIXES = List.of("/api/ho/", "/office/items/", "/api/v1/auth/", "/actuator/", "/css/", "/js/",
            "/webjars/", "/v3/api-docs/", "/swagger-ui/");
    static final String HOME = "/office/stores";

    private final JsonMapper json;

    HeadOfficeRoutes(JsonMapper json) {
        this.json = json;
    }

    static boolean served(String path) {
        return PATHS.contains(path) || path.equals("/actuator")
                || PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (served(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (path.isEmpty() || path.equals("/")) {
            response.sendRedirect(request.getContextPath() + HOME);
            return;
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "This is a head-office node: the store's API and pages are not served here (docs/head-office.md).");
        body.setType(ProblemTypes.uri("not-served-in-head-office"));
        body.setTitle("Not served in head office");
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
