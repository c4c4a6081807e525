package io.storedesk.pos.identity.internal;

import java.time.Instant;
import java.util.List;

import io.storedesk.pos.identity.RegisterTokens;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A register signs in once (HTTP Basic) and gets a bearer token for the rest of the shift. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final RegisterTokens tokens;

    AuthController(RegisterTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/token")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse token(Authentication auth) {
        RegisterTokens.Token token = tokens.issue(auth.getName(), auth.getAuthorities());
        List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.replaceFirst("^ROLE_", "")).toList();
        return new TokenResponse(token.token(), "Bearer", token.username(), roles, token.expiresAt());
    }

    record TokenResponse(String token, String tokenType, String username, List<String> roles, Instant expiresAt) {
    }
}
