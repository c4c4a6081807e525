package io.storedesk.pos.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.storedesk.pos.common.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a manager approval for one action. The approver must hold the MANAGER role, give the
 * right PIN and be someone other than the user doing the action. After
 * {@code pos.identity.pin-max-attempts} wrong PINs in a row the manager's approvals are locked
 * for {@code pos.identity.pin-lockout}.
 */
@Service
public class ManagerApprovals {

    private final IdentityProperties properties;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

    ManagerApprovals(IdentityProperties properties, PasswordEncoder encoder, Clock clock) {
        this.properties = properties;
        this.encoder = encoder;
        this.clock = clock;
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
        String manager = request.manager();
        if (manager.equals(actor)) {
            throw ProblemException.rule("self-approval", "Self-approval not allowed",
                    "A manager cannot approve their own action; another manager must approve.");
        }
        Instant now = clock.instant();
        Failures f = failures.get(manager);
        if (f != null && f.lockedUntil != null && now.isBefore(f.lockedUntil)) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "approval-locked", "Approvals locked",
                    "Too many wrong PINs for %s; approvals are locked until %s.".formatted(manager, f.lockedUntil));
        }
        IdentityProperties.User user = properties.users().get(manager);
        boolean ok = user != null && user.roles().contains(Role.MANAGER) && user.pin() != null
                && encoder.matches(request.pin(), user.pin());
        if (!ok) {
            failures.compute(manager, (k, old) -> {
                int count = old == null || old.lockedUntil != null ? 1 : old.count + 1;
                return new Failures(count,
                        count >= properties.pinMaxAttempts() ? now.plus(properties.pinLockout()) : null);
            });
            throw new ProblemException(HttpStatus.FORBIDDEN, "approval-denied", "Approval denied",
                    "The manager name or PIN is wrong, or that user may not approve.");
        }
        failures.remove(manager);
        return new Approval(manager, action, OffsetDateTime.now(clock));
    }

    private record Failures(int count, Instant lockedUntil) {
    }
}
