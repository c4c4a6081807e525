package io.storedesk.pos.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void isAVersion7UuidCarryingItsMillisecond() {
        UUID id = Ids.timeOrdered(1_795_000_000_123L);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(1_795_000_000_123L);
        assertThat(id.toString()).startsWith("01a1");
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsTheDatabaseComparesThem() {
        List<String> made = new ArrayList<>();
        for (long ms = 1_795_000_000_000L; ms < 1_795_000_000_000L + 2000; ms++) {
            made.add(Ids.timeOrdered(ms).toString());
        }
        assertThat(made).isSorted();
    }

    @Test
    void manyIdsOfOneMillisecondAreAllDifferent() {
        var seen = new HashSet<UUID>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(Ids.timeOrdered(1_795_000_000_000L));
        }
        assertThat(seen).hasSize(100_000);
    }
}
