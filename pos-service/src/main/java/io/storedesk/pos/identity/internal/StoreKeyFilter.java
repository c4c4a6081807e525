package io.storedesk.pos.identity.internal;

import java.io.IOException;
import java.util.List;

import io.storedesk.pos.identity.StoreKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a store in by {@code X-Store-Id} and {@code X-Store-Key} (head office only: the keys come
 * from the {@link StoreKeys} bean, which the store role does not have). A request naming a store
 * with a missing or wrong key is refused with 401 {@code store-key-invalid}. Not a bean, like
 * {@link BearerTokenFilter}.
 */
class StoreKeyFilter extends OncePerRequestFilter {

    static final String STORE_ID = "X-Store-Id";
    static final String STORE_KEY = "X-Store-Key";

    private final ObjectProvider<StoreKeys> keys;
    private final ProblemSecurityHandlers problems;
    /** The bean once found: looked up once, not per request (a head-office node has it from its start). */
    private volatile StoreKeys found;

    StoreKeyFilter(ObjectProvider<StoreKeys> keys, ProblemSecurityHandlers problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String storeId = request.getHeader(STORE_ID);
        String key = request.getHeader(STORE_KEY);
        if (storeId == null && key == null) {
            chain.doFilter(request, response);
            return;
        }
        StoreKeys known = found;
        if (known == null) {
            known = keys.getIfAvailable();
            found = known;
        }
        if (storeId == null || key == null || known == null || !known.matches(storeId.strip(), key)) {
            problems.storeKeyInvalid(response);
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated(storeId.strip(), null,
                List.of(new SimpleGrantedAuthority(StoreKeys.AUTHORITY)));
        SecurityContextHolder.getContext().setAuthentication(auth);
        chain.doFilter(request, response);
    }
}
