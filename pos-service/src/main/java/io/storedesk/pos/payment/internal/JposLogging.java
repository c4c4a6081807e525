package io.storedesk.pos.payment.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.jpos.core.ConfigurationException;
import org.jpos.core.SimpleConfiguration;
import org.jpos.iso.ISOMsg;
import org.jpos.util.LogEvent;
import org.jpos.util.LogListener;
import org.jpos.util.Logger;
import org.jpos.util.ProtectedLogListener;
import org.slf4j.LoggerFactory;

/**
 * Routes jPOS's "Q2" logger (Q2 itself, the channel and the mux) into SLF4J, behind a
 * {@link ProtectedLogListener} that masks fields 2, 14, 35, 45 and 52 of every message before
 * anything else sees it. Installed in code, not in a descriptor, so a configuration edit cannot
 * weaken it. Events that carry a message go out at DEBUG only (multi-line XML dumps), as do
 * connection chatter and Q2's version banner; the rest on one line at its level.
 */
final class JposLogging {

    static final String LOGGER = "Q2";
    static final String PROTECTED_FIELDS = "2 14 35 45 52";

    private JposLogging() {
    }

    private static boolean installed;

    /** Once per JVM: every Q2 instance logs through the same named logger. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        Properties props = new Properties();
        props.setProperty("protect", PROTECTED_FIELDS);
        ProtectedLogListener protect = new ProtectedLogListener();
        try {
            protect.setConfiguration(new SimpleConfiguration(props));
        } catch (ConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Logger logger = Logger.getLogger(LOGGER);
        logger.removeAllListeners();
        logger.addListener(protect);
        logger.addListener(new Slf4jListener());
        installed = true;
    }

    /** Writes a (protected) jPOS log event to SLF4J. */
    static final class Slf4jListener implements LogListener {

        private static final org.slf4j.Logger log = LoggerFactory.getLogger("io.storedesk.pos.payment.jpos");

        @Override
        public LogEvent log(LogEvent ev) {
            String tag = String.valueOf(ev.getTag()).toLowerCase();
            boolean carriesMessage = ev.getPayLoad().stream().anyMatch(ISOMsg.class::isInstance);
            if (carriesMessage || tag.contains("connect") || tag.startsWith("session") || tag.equals("trace")
                    || tag.equals("debug")) {
                if (log.isDebugEnabled()) {
                    log.debug(render(ev));
                }
            } else if (tag.contains("error") || tag.contains("fatal")) {
                log.error(oneLine(render(ev)));
            } else if (tag.startsWith("warn")) {
                log.warn(oneLine(render(ev)));
            } else if (log.isInfoEnabled()) {
                String text = oneLine(render(ev));
                if (text.contains("<version>")) {
                    log.debug(text);
                } else {
                    log.info(text);
                }
            }
            return ev;
        }

        private static String oneLine(String xml) {
            return xml.replaceAll("\\s*\\n\\s*", " ");
        }

        private static String render(LogEvent ev) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8)) {
                ev.dump(p, "");
            }
            return out.toString(StandardCharsets.UTF_8).strip();
        }
    }
}
