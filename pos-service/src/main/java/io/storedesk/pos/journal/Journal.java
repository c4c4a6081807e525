package io.storedesk.pos.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to and verifies the journal. {@link #append} joins the caller's transaction, so an
 * entry commits or rolls back with the change it records; the chain's head row is locked by
 * the first statement (SELECT ... FOR UPDATE), which keeps concurrent appenders of one chain in line.
 */
@Service
public class Journal {

    public static final String STORE_CHAIN = "STORE";
    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper canonical = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    Journal(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends one entry to a chain.
     *
     * @param chain     a register id, or {@link #STORE_CHAIN}
     * @param type      e.g. {@code SALE_COMPLETED}
     * @param actor     the user who did it
     * @param reference the business reference, e.g. a receipt number
     * @param payload   the facts worth keeping; serialised with sorted keys
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public JournalEntry append(String chain, String type, String actor, String reference, Map<String, ?> payload) {
        record Head(long seq, String hash) {
        }
        Head last = jdbc.sql("SELECT last_seq, last_hash FROM journal_chain WHERE chain = ? FOR UPDATE").param(chain)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional().orElse(null);
        if (last == null) {
            jdbc.sql("INSERT INTO journal_chain (chain, last_seq, last_hash) VALUES (?, 0, ?)").params(chain, GENESIS)
                    .update();
            last = new Head(0, GENESIS);
        }
        Head head = new Head(last.seq() + 1, last.hash());
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String body = canonical.writeValueAsString(new TreeMap<>(payload));
        JournalEntry entry = new JournalEntry(chain, head.seq(), type, at, actor, reference, body, head.hash(), null);
        String hash = hash(entry);
        jdbc.sql("INSERT INTO journal_entry (chain, seq, type, occurred_at, actor, reference, payload, prev_hash, hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(chain, head.seq(), type, at.atOffset(ZoneOffset.UTC), actor, reference, body, head.hash(), hash)
                .update();
        jdbc.sql("UPDATE journal_chain SET last_seq = ?, last_hash = ? WHERE chain = ?").params(head.seq(), hash, chain)
                .update();
        return new JournalEntry(chain, head.seq(), type, at, actor, reference, body, head.hash(), hash);
    }

    /** Checks every chain from its first entry: sequence without gaps, links and hashes. */
    @Transactional(readOnly = true)
    public JournalVerification verify() {
        Map<String, Long> counts = new LinkedHashMap<>();
        var state = new Object() {
            String chain;
            long expected;
            String previous;
            long entries;
            String brokenChain;
            Long brokenSeq;
            String reason;
        };
        jdbc.sql("SELECT chain, seq, type, occurred_at, actor, reference, payload, prev_hash, hash "
                        + "FROM journal_entry ORDER BY chain, seq")
                .withFetchSize(1000)
                .query(rs -> {
                    JournalEntry e = entry(rs);
                    state.entries++;
                    counts.merge(e.chain(), 1L, Long::sum);
                    if (!e.chain().equals(state.chain)) {
                        state.chain = e.chain();
                        state.expected = 1;
                        state.previous = GENESIS;
                    }
                    if (state.brokenSeq == null) {
                        String problem = null;
                        if (e.sequence() != state.expected) {
                            problem = "sequence gap: expected " + state.expected;
                        } else if (!e.previousHash().equals(state.previous)) {
                            problem = "link to the previous entry does not match";
                        } else if (!hash(e).equals(e.hash())) {
                            problem = "entry content does not match its hash";
                        }
                        if (problem != null) {
                            state.brokenChain = e.chain();
                            state.brokenSeq = Math.min(e.sequence(), state.expected);
                            state.reason = problem;
                        }
                    }
                    state.expected = e.sequence() + 1;
                    state.previous = e.hash();
                });
        return new JournalVerification(state.entries, state.brokenSeq == null, state.brokenChain, state.brokenSeq,
                state.reason, counts);
    }

    /** Entries of one chain from a sequence on, oldest first. */
    @Transactional(readOnly = true)
    public List<JournalEntry> entries(String chain, long fromSequence, int limit) {
        return jdbc.sql("SELECT chain, seq, type, occurred_at, actor, reference, payload, prev_hash, hash "
                        + "FROM journal_entry WHERE chain = ? AND seq >= ? ORDER BY seq FETCH FIRST ? ROWS ONLY")
                .params(chain, fromSequence, limit)
                .query((rs, n) -> entry(rs))
                .list();
    }

    /**
     * Entries of one type whose reference is one of {@code references} (e.g. the no-sale opens of
     * some drawer sessions), oldest first; for reports.
     */
    @Transactional(readOnly = true)
    public List<JournalEntry> entriesOfType(String type, java.util.Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        List<JournalEntry> found = new java.util.ArrayList<>();
        List<String> refs = List.copyOf(references);
        for (int i = 0; i < refs.size(); i += 500) {
            found.addAll(jdbc.sql("SELECT chain, seq, type, occurred_at, actor, reference, payload, prev_hash, hash "
                            + "FROM journal_entry WHERE type = :type AND reference IN (:refs)")
                    .param("type", type).param("refs", refs.subList(i, Math.min(refs.size(), i + 500)))
                    .query((rs, n) -> entry(rs))
                    .list());
        }
        found.sort(java.util.Comparator.comparing(JournalEntry::occurredAt).thenComparing(JournalEntry::chain)
                .thenComparingLong(JournalEntry::sequence));
        return found;
    }

    private static JournalEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new JournalEntry(rs.getString(1), rs.getLong(2), rs.getString(3),
                rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9));
    }

    static String hash(JournalEntry e) {
        String canonicalRecord = String.join("\n", e.previousHash(), e.chain(), Long.toString(e.sequence()), e.type(),
                e.occurredAt().toString(), e.actor(), String.valueOf(e.reference()), e.payload());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRecord.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
