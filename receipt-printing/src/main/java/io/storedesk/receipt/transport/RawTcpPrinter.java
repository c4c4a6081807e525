package io.storedesk.receipt.transport;

import io.storedesk.receipt.escpos.EscPosCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * A network printer taking raw jobs over TCP ("JetDirect", port 9100 by default). Each job opens a
 * connection, writes all bytes and closes. With {@link #checkingPaper()} the printer is first asked
 * for its paper sensor status ({@code DLE EOT 4}); an empty roll fails the job before anything is
 * sent, and a printer that does not answer within the status timeout is printed to anyway, since
 * many print servers never answer status queries. The status answer is awaited at most 500 ms.
 * With {@link #requiringStatus(Duration)} the printer must answer the status query within the given
 * time: silence, or a connection closed without an answer, is reported as {@link
 * PrinterException.Reason#OFFLINE}, so a printer that is switched off behind a print server is not
 * mistaken for one that printed.
 */
public final class RawTcpPrinter implements PrinterTransport {

    /** The usual raw printing port. */
    public static final int DEFAULT_PORT = 9100;
    private static final int PAPER_END_BITS = 0x60;
    private static final long STATUS_TIMEOUT_MILLIS = 500;

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final boolean checkPaper;
    private final boolean requireStatus;
    private final Duration statusTimeout;

    public RawTcpPrinter(String host, int port, Duration connectTimeout, Duration readTimeout, boolean checkPaper) {
        this(host, port, connectTimeout, readTimeout, checkPaper, false, Duration.ofMillis(STATUS_TIMEOUT_MILLIS));
    }

    private RawTcpPrinter(String host, int port, Duration connectTimeout, Duration readTimeout, boolean checkPaper,
            boolean requireStatus, Duration statusTimeout) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        this.port = port;
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.checkPaper = checkPaper || requireStatus;
        this.requireStatus = requireStatus;
        this.statusTimeout = Objects.requireNonNull(statusTimeout, "statusTimeout");
        if (statusTimeout.isNegative() || statusTimeout.isZero()) {
            throw new IllegalArgumentException("statusTimeout must be positive: " + statusTimeout);
        }
    }

    /** Port 9100, 3 s to connect, 5 s for reads and status answers, no paper check. */
    public RawTcpPrinter(String host) {
        this(host, DEFAULT_PORT, Duration.ofSeconds(3), Duration.ofSeconds(5), false);
    }

    /** The same printer, asking for the paper status before each job. */
    public RawTcpPrinter checkingPaper() {
        return new RawTcpPrinter(host, port, connectTimeout, readTimeout, true, requireStatus, statusTimeout);
    }

    /**
     * The same printer, asking for the paper status before each job and requiring an answer within
     * {@code timeout}: no answer means the printer is offline, an empty roll that it is out of paper.
     * Nothing is printed in either case.
     */
    public RawTcpPrinter requiringStatus(Duration timeout) {
        return new RawTcpPrinter(host, port, connectTimeout, readTimeout, true, true, timeout);
    }

    /** "host:port", as printed in error messages. */
    public String name() {
        return host + ":" + port;
    }

    @Override
    public void send(byte[] data) throws PrinterException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            OutputStream out = socket.getOutputStream();
            if (checkPaper) {
                long wait = requireStatus ? statusTimeout.toMillis() : Math.min(readTimeout.toMillis(), STATUS_TIMEOUT_MILLIS);
                socket.setSoTimeout(Math.toIntExact(Math.max(1, wait)));
                requirePaper(out, socket.getInputStream());
                socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            }
            out.write(data);
            out.flush();
            socket.shutdownOutput();
        } catch (UnknownHostException e) {
            throw offline("unknown host", e);
        } catch (ConnectException e) {
            throw offline("connection refused", e);
        } catch (SocketTimeoutException e) {
            throw offline("no answer within " + connectTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new PrinterException(name(), PrinterException.Reason.FAILED,
                    "Printing on " + name() + " failed: " + e.getMessage(), e);
        }
    }

    private void requirePaper(OutputStream out, InputStream in) throws IOException, PrinterException {
        out.write(EscPosCommands.paperStatusQuery());
        out.flush();
        int status;
        try {
            status = in.read();
        } catch (SocketTimeoutException noAnswer) {
            if (requireStatus) {
                throw new PrinterException(name(), PrinterException.Reason.OFFLINE, "Printer " + name()
                        + " is offline: it did not answer the status query within " + statusTimeout.toMillis() + " ms",
                        noAnswer);
            }
            return;
        }
        if (status < 0 && requireStatus) {
            throw new PrinterException(name(), PrinterException.Reason.OFFLINE,
                    "Printer " + name() + " is offline: it closed the connection without a status answer", null);
        }
        if (status >= 0 && (status & PAPER_END_BITS) != 0) {
            throw new PrinterException(name(), PrinterException.Reason.OUT_OF_PAPER,
                    "Printer " + name() + " is out of paper: load a new roll and print again", null);
        }
    }

    private PrinterException offline(String detail, IOException cause) {
        return new PrinterException(name(), PrinterException.Reason.OFFLINE,
                "Printer " + name() + " is offline or unreachable: " + detail, cause);
    }
}
