package io.storedesk.pos.identity;

/** What a user may do; see the table in README. */
public enum Role {
    CLERK, MANAGER, HEAD_OFFICE, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
