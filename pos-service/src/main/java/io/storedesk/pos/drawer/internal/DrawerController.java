package io.storedesk.pos.drawer.internal;

import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/drawers")
class DrawerController {

    private final DrawerService drawers;
    private final Idempotency idempotency;

    DrawerController(DrawerService drawers, Idempotency idempotency) {
        this.drawers = drawers;
        this.idempotency = idempotency;
    }

    @GetMapping
    List<DrawerInfo> list() {
        return drawers.drawers();
    }

    @GetMapping("/{drawerId}")
    DrawerService.OpenedDrawer current(@PathVariable @Size(max = 20) String drawerId) {
        return drawers.current(drawerId).orElseThrow(() -> ProblemException.conflict("drawer-not-open",
                "Drawer not open", "Drawer %s is not open.".formatted(drawerId)));
    }

    @PostMapping("/{drawerId}/open")
    ResponseEntity<DrawerService.OpenedDrawer> open(@PathVariable @Size(max = 20) String drawerId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody OpenRequest request) {
        String user = CurrentUser.username();
        var result = idempotency.execute("drawer-open", key, new Object[] {drawerId, user, request},
                DrawerService.OpenedDrawer.class, () -> drawers.open(drawerId, request.floatCounts(), user));
        return ResponseEntity.status(HttpStatus.CREATED).body(result.body());
    }

    record OpenRequest(@NotNull @Size(max = 30) @com.fasterxml.jackson.annotation.JsonProperty("float")
            Map<String, Integer> floatCounts) {
    }
}
