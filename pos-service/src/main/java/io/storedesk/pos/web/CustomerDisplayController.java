package io.storedesk.pos.web;

import java.util.List;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreOnly;
import io.storedesk.pos.identity.Registers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The customer-facing display of a register (a second screen or a tablet turned to the customer): the
 * sale page sends its picture with {@code PUT /api/v1/registers/{registerId}/display} (clerks and
 * managers), {@code GET} the same path reads it, and the page {@code /display/{registerId}} shows it
 * live from the server-sent events of {@code /display/{registerId}/events} (the page's session).
 */
@Controller
@StoreOnly
class CustomerDisplayController {

    private static final String AMOUNT = "-?\\d{1,9}(\\.\\d{1,4})?";

    private final CustomerDisplays displays;
    private final Registers registers;

    CustomerDisplayController(CustomerDisplays displays, Registers registers) {
        this.displays = displays;
        this.registers = registers;
    }

    record Line(@NotBlank @Size(max = 120) String name, @Min(1) @Max(9999) int quantity,
            @NotNull @Pattern(regexp = AMOUNT) String amount) {
    }

    record Picture(@NotNull CustomerDisplays.State state, @Size(max = 500) List<@Valid @NotNull Line> lines,
            @Pattern(regexp = AMOUNT) String total, @Pattern(regexp = AMOUNT) String paid,
            @Pattern(regexp = AMOUNT) String change, @PositiveOrZero Long points) {
    }

    @PutMapping("/api/v1/registers/{registerId}/display")
    @ResponseBody
    CustomerDisplays.Picture show(@PathVariable String registerId, @Valid @RequestBody Picture picture) {
        known(registerId);
        if (picture.state() != CustomerDisplays.State.IDLE && picture.total() == null) {
            throw ProblemException.invalidField("total", "a basket or a paid sale shows its total");
        }
        if (picture.state() == CustomerDisplays.State.PAID && (picture.paid() == null || picture.change() == null)) {
            throw ProblemException.invalidField(picture.paid() == null ? "paid" : "change",
                    "a paid sale shows what was paid and the change");
        }
        List<CustomerDisplays.Line> lines = picture.lines() == null ? List.of() : picture.lines().stream()
                .map(l -> new CustomerDisplays.Line(l.name().strip(), l.quantity(), l.amount())).toList();
        return displays.show(registerId, picture.state(), lines, picture.total(), picture.paid(), picture.change(),
                picture.points());
    }

    @GetMapping("/api/v1/registers/{registerId}/display")
    @ResponseBody
    CustomerDisplays.Picture current(@PathVariable String registerId) {
        known(registerId);
        return displays.current(registerId);
    }

    @GetMapping("/display/{registerId}")
    String page(@PathVariable String registerId, Model model) {
        known(registerId);
        model.addAttribute("registerId", registerId);
        return "display";
    }

    @GetMapping(path = "/display/{registerId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@PathVariable String registerId) {
        known(registerId);
        return displays.watch(registerId);
    }

    private void known(String registerId) {
        if (!registers.ids().contains(registerId)) {
            throw ProblemException.notFound("Register", registerId);
        }
    }
}
