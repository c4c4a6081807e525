package io.storedesk.pos.identity;

import java.time.Clock;
import java.time.OffsetDateTime;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.identity.internal.Lockouts;
import io.storedesk.pos.identity.internal.UserNames;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a manager approval for one action. The approver must hold the MANAGER role, give the
 * right PIN and be someone other than the user doing the action; names are case-insensitive
 * ({@code MANAGER2} is {@code manager2}). The PIN check is booked under the manager's lock of
 * {@link Lockouts}, with checks in flight counted: wrong PINs sent in parallel are never checked
 * more often than the limit allows, and after {@code pos.identity.pin-max-attempts} wrong PINs in
 * a row the rest are refused unchecked with
 * 429 {@code approval-locked} for {@code pos.identity.pin-lockout}; the right PIN does not lift
 * the lockout either.
 */
@Service
public class ManagerApprovals {

    private final IdentityProperties properties;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final UserNames names;
    private final Lockouts lockouts;

    ManagerApprovals(IdentityProperties properties, PasswordEncoder encoder, Clock clock, UserNames names) {
        this.properties = properties;
        this.encoder = encoder;
        this.clock = clock;
        this.names = names;
        this.lockouts = new Lockouts(properties.pinMaxAttempts(), properties.pinLockout(), clock);
    }

    /**
     * @param request the credentials given, or null when none were given
     * @param action  what is approved, e.g. {@code return-window-expired}
     * @param actor   the user doing the action (may not approve it)
     * @param why     the sentence shown when approval is missing
     */
    public Approval require(ApprovalRequest request, String action, String actor, String why) {
        if (request == null) {
            throw ProblemException.rule("approval-required", "Manager approval required", why)
                    .with("action", action);
        }
        String manager = names.canonical(request.manager()).orElse(request.manager());
        if (manager.equals(names.canonical(actor).orElse(actor))) {
            throw ProblemException.rule("self-approval", "Self-approval not allowed",
                    "A manager cannot approve their own action; another manager must approve.");
        }
        IdentityProperties.User user = properties.users().get(manager);
        if (user == null || !user.roles().contains(Role.MANAGER) || user.pin() == null) {
            throw denied();
        }
        Lockouts.Attempt attempt = lockouts.attempt(manager, () -> encoder.matches(request.pin(), user.pin()));
        switch (attempt.outcome()) {
            case ACCEPTED:
                return new Approval(manager, action, OffsetDateTime.now(clock));
            case LOCKED:
                throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "approval-locked", "Approvals locked",
                        "Too many wrong PINs for %s; approvals are locked until %s.".formatted(manager,
                                attempt.lockedUntil()));
            default:
                throw denied();
        }
    }

    private static ProblemException denied() {
        return new ProblemException(HttpStatus.FORBIDDEN, "approval-denied", "Approval denied",
                "The manager name or PIN is wrong, or that user may not approve.");
    }
}
