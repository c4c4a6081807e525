package io.storedesk.pos.journal.internal;

import java.util.List;

import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.journal.JournalEntry;
import io.storedesk.pos.journal.JournalVerification;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/journal")
class JournalController {

    private final Journal journal;

    JournalController(Journal journal) {
        this.journal = journal;
    }

    @GetMapping("/verify")
    JournalVerification verify() {
        return journal.verify();
    }

    @GetMapping("/entries")
    List<JournalEntry> entries(@RequestParam @Size(max = 40) String chain,
            @RequestParam(defaultValue = "1") @Min(1) long from,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return journal.entries(chain, from, limit);
    }
}
