package io.storedesk.pos.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server for the tests that send e-mail (GreenMail on loopback), and what they read from it. */
public final class Smtp {

    private Smtp() {
    }

    /** A loopback port free now: for a server started on it later (and again after a stop), or one kept closed. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GreenMail SMTP server on 127.0.0.1:{@code port}, started. */
    public static GreenMail start(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** The subject of a received message. */
    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
