/**
 * Report sections: the SPI through which other modules (promotions, loyalty, customer care)
 * add a named section to the store's daily and range reports. A nested module of {@code report}
 * that depends on nothing, and open, so that modules the report module itself reads from (the
 * sale module uses promotions and loyalty) can implement it without a dependency cycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Report sections SPI",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.storedesk.pos.report.spi;
