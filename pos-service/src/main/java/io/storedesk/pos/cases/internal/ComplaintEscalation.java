package io.storedesk.pos.cases.internal;

import java.time.Clock;

import io.storedesk.pos.cases.ComplaintProperties;
import io.storedesk.pos.common.StoreOnly;
import io.storedesk.pos.common.StoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks every {@code pos.complaints.escalation-interval} for open complaints within
 * {@code pos.complaints.escalate-days-before} days of their legal deadline (or past it) that were not
 * escalated yet, and escalates each once, in a transaction of its own. A store's job only.
 */
@StoreOnly
@Component
class ComplaintEscalation {

    private static final Logger log = LoggerFactory.getLogger(ComplaintEscalation.class);

    private final ComplaintStore complaints;
    private final ComplaintService service;
    private final ComplaintProperties properties;
    private final StoreProperties store;
    private final Clock clock;

    ComplaintEscalation(ComplaintStore complaints, ComplaintService service, ComplaintProperties properties,
            StoreProperties store, Clock clock) {
        this.complaints = complaints;
        this.service = service;
        this.properties = properties;
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pos.complaints.escalation-interval:15m}", initialDelayString = "${pos.complaints.escalation-interval:15m}")
    void escalateDue() {
        for (String number : complaints.toEscalate(store.today(clock).plusDays(properties.escalateDaysBefore()))) {
            try {
                if (service.escalate(number)) {
                    log.info("Complaint {} escalated: its legal deadline is near", number);
                }
            } catch (RuntimeException e) {
                log.warn("Complaint {} could not be escalated: {}", number, e.getMessage());
            }
        }
    }
}
