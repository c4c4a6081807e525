package io.storedesk.pos.identity;

import io.storedesk.pos.common.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    public static boolean hasRole(Role role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }

    /** The store id when the request was signed in with a store key ({@link StoreKeys}), else null. */
    public static String storeId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(StoreKeys.AUTHORITY))
                ? auth.getName() : null;
    }

    /**
     * Refuses (403) an operation at a register the request may not work at. A request signed in
     * with a register token may work only at the register the token was issued for: another
     * register is {@code register-mismatch}, and a token issued for no register is {@code
     * register-token-unbound}. Page sessions (and their tokens) and HTTP Basic are not bound to a
     * register.
     *
     * @param registerId the register of the drawer (or sale) the operation is at
     */
    public static void requireRegister(String registerId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getDetails() instanceof RegisterTokens.Issued token) || token.pageSession()) {
            return;
        }
        if (token.registerId() == null) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "register-token-unbound", "Token not issued for a register",
                    ("This token was issued for no register, so it may read but not work at register %s. Ask for a "
                            + "token at the register: POST /api/v1/auth/token with {\"registerId\":\"%s\"}.")
                            .formatted(registerId, registerId))
                    .with("register", registerId);
        }
        if (!token.registerId().equals(registerId)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "register-mismatch", "Another register",
                    ("This token was issued for register %s and works only there; this is register %s. Sign in at "
                            + "register %s for a token there.").formatted(token.registerId(), registerId, registerId))
                    .with("tokenRegister", token.registerId())
                    .with("register", registerId);
        }
    }

    /** The register the request's token was issued for; null for a token for no register, a session or HTTP Basic. */
    public static String tokenRegister() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getDetails() instanceof RegisterTokens.Issued token ? token.registerId() : null;
    }
}
