package io.storedesk.pos.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.identity.IdentityProperties;
import io.storedesk.pos.identity.Registers;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.training.TrainingSubjects;
import io.storedesk.pos.training.TrainingSubjects.Kind;
import jakarta.validation.constraints.Size;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Puts users and registers in training and takes them out (MANAGER, ADMIN; ADR 0005). Switching is a
 * real event of the store: it is journaled on the store chain ({@code TRAINING_STARTED},
 * {@code TRAINING_ENDED}) in the same transaction as the change. It lives here, outside the training
 * module, because the training module may not reach the journal.
 */
@RestController
@RequestMapping("/api/v1/training")
class TrainingController {

    private final TrainingSubjects subjects;
    private final Journal journal;
    private final IdentityProperties identity;
    private final Registers registers;

    TrainingController(TrainingSubjects subjects, Journal journal, IdentityProperties identity, Registers registers) {
        this.subjects = subjects;
        this.journal = journal;
        this.identity = identity;
        this.registers = registers;
    }

    /** Who is in training now. */
    @GetMapping
    Map<String, Object> list() {
        List<TrainingSubjects.Subject> all = subjects.all();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("users", all.stream().filter(s -> s.kind() == Kind.USER).map(TrainingController::view).toList());
        view.put("registers", all.stream().filter(s -> s.kind() == Kind.REGISTER).map(TrainingController::view).toList());
        return view;
    }

    @PutMapping("/users/{user}")
    @Transactional
    Map<String, Object> startUser(@PathVariable @Size(max = 64) String user) {
        return switchOn(Kind.USER, userName(user));
    }

    @DeleteMapping("/users/{user}")
    @Transactional
    Map<String, Object> endUser(@PathVariable @Size(max = 64) String user) {
        return switchOff(Kind.USER, userName(user));
    }

    @PutMapping("/registers/{registerId}")
    @Transactional
    Map<String, Object> startRegister(@PathVariable @Size(max = 20) String registerId) {
        return switchOn(Kind.REGISTER, register(registerId));
    }

    @DeleteMapping("/registers/{registerId}")
    @Transactional
    Map<String, Object> endRegister(@PathVariable @Size(max = 20) String registerId) {
        return switchOff(Kind.REGISTER, register(registerId));
    }

    private Map<String, Object> switchOn(Kind kind, String id) {
        boolean changed = subjects.start(kind, id, CurrentUser.username());
        if (changed) {
            journal.append(Journal.STORE_CHAIN, "TRAINING_STARTED", CurrentUser.username(), kind.name() + ":" + id,
                    Map.of("kind", kind.name(), "id", id));
        }
        return Map.of("kind", kind.name(), "id", id, "training", true, "changed", changed);
    }

    private Map<String, Object> switchOff(Kind kind, String id) {
        boolean changed = subjects.end(kind, id);
        if (changed) {
            journal.append(Journal.STORE_CHAIN, "TRAINING_ENDED", CurrentUser.username(), kind.name() + ":" + id,
                    Map.of("kind", kind.name(), "id", id));
        }
        return Map.of("kind", kind.name(), "id", id, "training", false, "changed", changed);
    }

    /** The user's name as configured (names are case-insensitive); 404 for an unknown user. */
    private String userName(String user) {
        return identity.users().keySet().stream().filter(u -> u.equalsIgnoreCase(user)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("User", user));
    }

    private String register(String registerId) {
        if (!registers.ids().contains(registerId)) {
            throw ProblemException.notFound("Register", registerId);
        }
        return registerId;
    }

    private static Map<String, Object> view(TrainingSubjects.Subject s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        view.put("startedAt", s.startedAt());
        view.put("startedBy", s.startedBy());
        return view;
    }
}
