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
 * when the session ends (sign-out or timeout). The pages' scripts send it as a bearer token.
 */
@Component
class ApiSessions implements HttpSessionListener {

    private static final String ATTRIBUTE = ApiSessions.class.getName() + ".token";

    private final RegisterTokens tokens;

    ApiSessions(RegisterTokens tokens) {
        this.tokens = tokens;
    }

    String token(HttpSession session, Authentication auth) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Object held = session.getAttribute(ATTRIBUTE);
            if (held instanceof Held h && h.username().equals(auth.getName()) && tokens.resolve(h.token()).isPresent()) {
                return h.token();
            }
            String token = tokens.issue(auth.getName(), auth.getAuthorities()).token();
            session.setAttribute(ATTRIBUTE, new Held(auth.getName(), token));
            return token;
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (event.getSession().getAttribute(ATTRIBUTE) instanceof Held h) {
            tokens.revoke(h.token());
        }
    }

    private record Held(String username, String token) implements java.io.Serializable {
    }
}
