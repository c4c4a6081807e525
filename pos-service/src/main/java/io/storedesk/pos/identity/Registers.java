package io.storedesk.pos.identity;

import java.util.Optional;
import java.util.Set;

/**
 * SPI: the registers of this store, for issuing register tokens ({@link RegisterTokens}). The
 * drawer module provides the one bean (registers come with the drawers' configuration); without
 * it no token can be issued for a register.
 */
public interface Registers {

    /** The configured register ids. */
    Set<String> ids();

    /** The register a configured drawer sits in; empty for an unknown drawer. */
    Optional<String> ofDrawer(String drawerId);
}
