package io.storedesk.pos.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A manager's credentials typed at the clerk's screen for one action. */
public record ApprovalRequest(@NotBlank @Size(max = 64) String manager, @NotBlank @Size(max = 32) String pin) {

    @Override
    public String toString() {
        return "ApprovalRequest[manager=" + manager + "]";
    }
}
