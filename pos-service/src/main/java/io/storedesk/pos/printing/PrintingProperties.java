package io.storedesk.pos.printing;

import java.util.List;

import io.storedesk.receipt.PaperWidth;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Receipt printing settings ({@code pos.printing.*}).
 *
 * @param paper  roll width: {@code MM_80} or {@code MM_58}
 * @param footer lines printed at the bottom of every customer receipt (e.g. the return policy)
 */
@ConfigurationProperties("pos.printing")
public record PrintingProperties(@DefaultValue("MM_80") PaperWidth paper, List<String> footer) {

    public PrintingProperties {
        footer = footer == null ? List.of() : List.copyOf(footer);
    }
}
