package io.storedesk.pos.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.storedesk.pos.common.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as problem+json, so API clients get the same error shape as everywhere else. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ProblemSecurityHandlers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"store-service-desk\"");
        if (e instanceof org.springframework.security.authentication.LockedException) {
            write(response, HttpStatus.UNAUTHORIZED, "account-locked", "Account locked",
                    "Too many wrong passwords: this user is locked out for a while. Ask a manager or try again later.");
            return;
        }
        write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Sign-in required",
                "Sign in with a user name and password, or a register token.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this action.");
    }

    /** 401 {@code store-key-invalid}: an unknown store or a wrong store key. */
    void storeKeyInvalid(HttpServletResponse response) throws IOException {
        write(response, HttpStatus.UNAUTHORIZED, "store-key-invalid", "Store key invalid",
                "Unknown store or wrong store key (X-Store-Id, X-Store-Key).");
    }

    private void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(ProblemTypes.uri(type));
        body.setTitle(title);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
