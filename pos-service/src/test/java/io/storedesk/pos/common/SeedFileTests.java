package io.storedesk.pos.common;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedFileTests {

    @TempDir
    Path dir;

    @Test
    void readsRowsSkippingCommentsAndBlankLinesWithQuotedSemicolons() throws Exception {
        Path file = write("sku;name;price\n# a comment\n\nA-1; Rupjmaize “Lāči” 500 g ;1.89\n"
                + "A-2;\"Kefīrs; 1 l\";1.29\nA-3;;0.50");
        List<List<String>> rows = SeedFile.read(file, "test", 3, 3,
                r -> java.util.Arrays.asList(r.required(0, "sku"), r.optional(1), r.required(2, "price")));
        assertThat(rows).containsExactly(List.of("A-1", "Rupjmaize “Lāči” 500 g", "1.89"),
                List.of("A-2", "Kefīrs; 1 l", "1.29"), java.util.Arrays.asList("A-3", null, "0.50"));
    }

    @Test
    void aBadRowNamesItsLineAndWhatIsWrong() throws Exception {
        Path file = write("sku;name;price\n# comment\nA-1;x;1.00\nA-2;y\n");
        assertThatThrownBy(() -> SeedFile.read(file, "test", 3, 3, r -> r))
                .hasMessage("%s line 4: expected 3 fields, found 2".formatted(file));
        Path last = write("sku;name;price\nA-1;x;1.00\n;y;2.00");
        assertThatThrownBy(() -> SeedFile.read(last, "test", 3, 3, r -> r.required(0, "sku")))
                .hasMessage("%s line 3: sku is empty".formatted(last));
    }

    @Test
    void aMissingFileSaysWhichSeed() {
        assertThatThrownBy(() -> SeedFile.read(dir.resolve("none.csv"), "catalogue", 1, 1, r -> r))
                .hasMessageStartingWith("cannot read catalogue seed ");
    }

    private Path write(String text) throws Exception {
        Path file = Files.createTempFile(dir, "seed", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
