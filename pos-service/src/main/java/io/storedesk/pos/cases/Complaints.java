package io.storedesk.pos.cases;

import java.util.Optional;

/** The complaints of the customer desk as other modules see them. */
public interface Complaints {

    /** The complaint's confirmation contents, or empty when there is no such complaint. */
    Optional<ComplaintLetter> letter(String complaintNumber);
}
