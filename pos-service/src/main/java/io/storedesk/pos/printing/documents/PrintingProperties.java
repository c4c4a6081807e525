package io.storedesk.pos.printing.documents;

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
 * @param statusCheck   ask a network printer for its paper status ({@code DLE EOT 4}) before each job and
 *                      require an answer: silence is {@code printer-offline}, an empty roll
 *                      {@code printer-out-of-paper}; {@code false} for print servers that never answer
 * @param statusTimeout how long to wait for that answer
 * @param cashDrawerKick kick the register's drawer open (ESC p through its printer) after a sale or
 *                      refund with cash
 */
@ConfigurationProperties("pos.printing")
public record PrintingProperties(@DefaultValue("MM_80") PaperWidth paper, List<String> footer,
        Map<String, String> printers, @DefaultValue Mail mail, @DefaultValue("true") boolean statusCheck,
        @DefaultValue("1s") Duration statusTimeout, @DefaultValue("true") boolean cashDrawerKick) {

    public PrintingProperties {
        footer = footer == null ? List.of() : List.copyOf(footer);
        printers = printers == null ? Map.of() : Map.copyOf(printers);
    }

    /**
     * @param from sender address of receipt and complaint e-mails (how they are retried: {@code pos.mail.*})
     */
    public record Mail(@DefaultValue("receipts@storedesk.example") String from) {
    }
}
