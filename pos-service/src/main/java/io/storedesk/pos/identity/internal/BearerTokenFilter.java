package io.storedesk.pos.identity.internal;

import java.io.IOException;

import io.storedesk.pos.identity.RegisterTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in by its {@code Authorization: Bearer} register token. Not a bean, so that
 * Boot does not also register it as a servlet filter outside the API chain.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final RegisterTokens tokens;
    private final ProblemSecurityHandlers problems;

    BearerTokenFilter(RegisterTokens tokens, ProblemSecurityHandlers problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var issued = tokens.resolve(header.substring(7).trim());
            if (issued.isEmpty()) {
                problems.commence(request, response, new BadCredentialsException("unknown or expired token"));
                return;
            }
            var auth = UsernamePasswordAuthenticationToken.authenticated(
                    issued.get().username(), null, issued.get().authorities());
            // The token itself as details: CurrentUser.requireRegister reads the register it is bound to.
            auth.setDetails(issued.get());
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }
}
