package io.storedesk.pos.payment.internal;

import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISORequestListener;
import org.jpos.iso.ISOSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the messages the acquirer mux could not match to a waiting request, typically a reply
 * that came after its request timed out (that request is already being reversed). Logs the
 * MTI, terminal, STAN and response code, never card data, and drops the message. Public because
 * Q2 instantiates it from the mux descriptor.
 */
public class UnhandledReplyLogger implements ISORequestListener {

    private static final Logger log = LoggerFactory.getLogger(UnhandledReplyLogger.class);

    @Override
    public boolean process(ISOSource source, ISOMsg m) {
        try {
            log.info("Dropped an unmatched message from the acquirer: MTI {}, terminal {}, STAN {}, response code {}",
                    m.getMTI(), m.getString(41), m.getString(11), m.getString(39));
        } catch (org.jpos.iso.ISOException e) {
            log.info("Dropped an unmatched message from the acquirer without an MTI");
        }
        return true;
    }
}
