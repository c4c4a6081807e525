package io.storedesk.pos.web;

import io.storedesk.pos.identity.RegisterTokens;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * Lets a signed-in page call the JSON API: the API is stateless (no session cookie, no CSRF), so
 * each page session holds one register token of its user, issued at the first page and revoked
 * when the session ends (sign-out or timeout). The pages' scripts send it as a bearer token. Like
 * the session it is bound to no register. A lockout revokes it, and then ends the session too.
 */
@Component
class ApiSessions implements HttpSessionListener {

    private static final String ATTRIBUTE = ApiSessions.class.getName() + ".token";

    private final RegisterTokens tokens;

    ApiSessions(RegisterTokens tokens) {
        this.tokens = tokens;
    }

    /** The session's token; null (and the session ended) when a lockout revoked the user's tokens. */
    String token(HttpSession session, Authentication auth) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Object held = session.getAttribute(ATTRIBUTE);
            if (held instanceof Held h && h.username().equals(auth.getName())) {
                if (tokens.resolve(h.token()).isPresent()) {
                    return h.token();
                }
                if (tokens.revokedSince(h.username(), h.issuedAt())) {
                    session.invalidate();
                    return null;
                }
            }
            RegisterTokens.Token token = tokens.issueForPageSession(auth.getName(), auth.getAuthorities());
            session.setAttribute(ATTRIBUTE, new Held(auth.getName(), token.token(),
                    token.expiresAt().minus(tokens.ttl())));
            return token.token();
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (event.getSession().getAttribute(ATTRIBUTE) instanceof Held h) {
            tokens.revoke(h.token());
        }
    }

    private record Held(String username, String token, java.time.Instant issuedAt) implements java.io.Serializable {
    }
}
