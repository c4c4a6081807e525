package io.storedesk.pos.identity.internal;

import java.time.Instant;
import java.util.List;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.identity.RegisterTokens;
import io.storedesk.pos.identity.Registers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A register signs in once (HTTP Basic) and gets a bearer token for the rest of the shift. The
 * body names the register ({@code registerId}) or one of its drawers ({@code drawerId}); the token
 * then works only there. Without a body (or naming neither) the token is bound to no register:
 * it may read and do what its role allows away from a drawer, but ring no sale and work no
 * drawer. A token is issued only to a password sign-in, never to another token.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final RegisterTokens tokens;
    private final ObjectProvider<Registers> registers;

    AuthController(RegisterTokens tokens, ObjectProvider<Registers> registers) {
        this.tokens = tokens;
        this.registers = registers;
    }

    @PostMapping("/token")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse token(Authentication auth, @Valid @RequestBody(required = false) TokenRequest request) {
        if (auth.getDetails() instanceof RegisterTokens.Issued) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "password-required", "Password required",
                    "A token is issued only to a sign-in with user name and password, not to another token.");
        }
        String registerId = request == null ? null : register(request);
        RegisterTokens.Token token = tokens.issue(auth.getName(), auth.getAuthorities(), registerId);
        List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.replaceFirst("^ROLE_", "")).toList();
        return new TokenResponse(token.token(), "Bearer", token.username(), roles, token.expiresAt(),
                token.registerId());
    }

    private String register(TokenRequest request) {
        Registers known = registers.getIfAvailable();
        if (request.drawerId() != null) {
            String register = known == null ? null : known.ofDrawer(request.drawerId()).orElse(null);
            if (register == null) {
                throw ProblemException.invalidField("drawerId", "no such drawer at this store");
            }
            if (request.registerId() != null && !request.registerId().equals(register)) {
                throw ProblemException.invalidField("registerId",
                        "drawer %s belongs to register %s".formatted(request.drawerId(), register));
            }
            return register;
        }
        if (request.registerId() != null && (known == null || !known.ids().contains(request.registerId()))) {
            throw ProblemException.invalidField("registerId", "no such register at this store");
        }
        return request.registerId();
    }

    /** Both optional: the register, or a drawer of it. */
    record TokenRequest(@Size(max = 20) String registerId, @Size(max = 20) String drawerId) {
    }

    record TokenResponse(String token, String tokenType, String username, List<String> roles, Instant expiresAt,
            String registerId) {
    }
}
