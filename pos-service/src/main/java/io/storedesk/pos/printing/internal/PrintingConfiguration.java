package io.storedesk.pos.printing.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduler that sends due receipt e-mails. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PrintingConfiguration {
}
