package io.storedesk.pos.printing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.storedesk.receipt.PaperWidth;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Receipt printing and e-mail settings ({@code pos.printing.*}).
 *
 * @param paper    roll width: {@code MM_80} or {@code MM_58}
 * @param footer   lines printed at the bottom of every customer receipt (e.g. the return policy)
 * @param printers register id -> its receipt printer: {@code tcp://host:9100} or {@code file:/dev/usb/lp0}
 * @param mail     e-mailed receipts
 */
@ConfigurationProperties("pos.printing")
public record PrintingProperties(@DefaultValue("MM_80") PaperWidth paper, List<String> footer,
        Map<String, String> printers, @DefaultValue Mail mail) {

    public PrintingProperties {
        footer = footer == null ? List.of() : List.copyOf(footer);
        printers = printers == null ? Map.of() : Map.copyOf(printers);
    }

    /**
     * @param from          sender address of receipt e-mails
     * @param pollInterval  how often due e-mails are sent
     * @param retryDelay    wait after the first failure; doubles per attempt up to {@code maxRetryDelay}
     * @param maxAttempts   attempts before an e-mail is marked FAILED (it stays listed with its error)
     */
    public record Mail(@DefaultValue("receipts@storedesk.example") String from,
            @DefaultValue("5s") Duration pollInterval, @DefaultValue("30s") Duration retryDelay,
            @DefaultValue("30m") Duration maxRetryDelay, @DefaultValue("10") int maxAttempts) {
    }
}
