package io.storedesk.pos.journal;

import java.util.Map;

/**
 * The result of checking every chain.
 *
 * @param entries             entries checked
 * @param valid               true when every chain is gapless and every hash matches
 * @param firstBrokenChain    the chain of the first broken entry, or null
 * @param firstBrokenSequence the sequence of the first broken entry, or null
 * @param chains              entries per chain
 */
public record JournalVerification(long entries, boolean valid, String firstBrokenChain, Long firstBrokenSequence,
        String reason, Map<String, Long> chains) {
}
