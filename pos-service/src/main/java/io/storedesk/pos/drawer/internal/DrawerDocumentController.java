package io.storedesk.pos.drawer.internal;

import java.util.UUID;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.DrawerReports;
import io.storedesk.pos.printing.documents.DocumentOutput;
import io.storedesk.pos.printing.documents.Printed;
import io.storedesk.receipt.PaperWidth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The drawer close and X report as documents (PDF roll or ESC/POS) and printed on the drawer's register
 * printer; laid out by {@link DrawerDocuments}, put out by the printing library.
 */
@RestController
class DrawerDocumentController {

    private final CashDrawers drawers;
    private final DrawerReports drawerReports;
    private final DrawerDocuments documents;
    private final DocumentOutput output;

    DrawerDocumentController(CashDrawers drawers, DrawerReports drawerReports, DrawerDocuments documents,
            DocumentOutput output) {
        this.drawers = drawers;
        this.drawerReports = drawerReports;
        this.documents = documents;
        this.output = output;
    }

    /** The X report as a document (managers); without {@code format} the same path answers JSON. */
    @GetMapping(path = "/api/v1/drawers/{drawerId}/x-report", params = "format")
    ResponseEntity<byte[]> xReport(@PathVariable @Size(max = 20) String drawerId,
            @RequestParam @Pattern(regexp = DocumentOutput.FORMATS, message = DocumentOutput.FORMAT_MESSAGE) String format,
            @RequestParam(required = false) PaperWidth paper) {
        drawers.drawer(drawerId);
        return output.document(documents.x(drawerReports.xReport(drawerId)), format, paper, "x-report-" + drawerId);
    }

    /** Prints the X report on the drawer's register printer (managers). */
    @PostMapping("/api/v1/drawers/{drawerId}/x-report/print")
    Printed printXReport(@PathVariable @Size(max = 20) String drawerId) {
        String register = drawers.drawer(drawerId).registerId();
        return output.print("X-" + drawerId, register, documents.x(drawerReports.xReport(drawerId)));
    }

    /** The drawer close as a document: the given session, or the drawer's last close. */
    @GetMapping("/api/v1/drawers/{drawerId}/close-report")
    ResponseEntity<byte[]> closeReport(@PathVariable @Size(max = 20) String drawerId,
            @RequestParam(defaultValue = "pdf") @Pattern(regexp = DocumentOutput.FORMATS,
                    message = DocumentOutput.FORMAT_MESSAGE) String format,
            @RequestParam(required = false) UUID session, @RequestParam(defaultValue = "false") boolean copy,
            @RequestParam(required = false) PaperWidth paper) {
        DrawerReports.DrawerClose close = close(drawerId, session);
        return output.document(documents.close(close, copy), format, paper, "close-" + drawerId + "-" + close.sessionId());
    }

    /** Prints the drawer close on the drawer's register printer. */
    @PostMapping("/api/v1/drawers/{drawerId}/close-report/print")
    Printed printCloseReport(@PathVariable @Size(max = 20) String drawerId,
            @Valid @RequestBody(required = false) ClosePrintRequest request) {
        DrawerReports.DrawerClose close = close(drawerId, request == null ? null : request.session());
        boolean copy = request != null && Boolean.TRUE.equals(request.copy());
        return output.print("CLOSE-" + close.sessionId(), close.registerId(), documents.close(close, copy));
    }

    private DrawerReports.DrawerClose close(String drawerId, UUID session) {
        drawers.drawer(drawerId);
        return (session == null ? drawerReports.lastClose(drawerId) : drawerReports.close(drawerId, session))
                .orElseThrow(() -> ProblemException.notFound("Drawer close", session == null ? drawerId
                        : drawerId + "/" + session));
    }

    record ClosePrintRequest(UUID session, Boolean copy) {
    }
}
