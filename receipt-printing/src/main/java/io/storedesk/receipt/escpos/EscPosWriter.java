package io.storedesk.receipt.escpos;

import static io.storedesk.receipt.escpos.EscPosCommands.ESC;
import static io.storedesk.receipt.escpos.EscPosCommands.GS;

import io.storedesk.receipt.layout.Align;
import io.storedesk.receipt.text.Transliterator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with one method per ESC/POS command the renderer uses. Text is fitted to
 * the selected code page (transliterating what it lacks) before it is encoded.
 */
final class EscPosWriter {

    private static final byte LF = 0x0A;

    private final CodePage page;
    private byte[] buffer = new byte[4096];
    private int size;

    EscPosWriter(CodePage page) {
        this.page = page;
    }

    /** Text fitted to the code page: every character of the result can be encoded. */
    String fit(String text) {
        return Transliterator.fit(text, page::canEncode);
    }

    EscPosWriter initialize() {
        return put(ESC, '@');
    }

    EscPosWriter selectCodePage() {
        return put(ESC, 't', page.escPosNumber());
    }

    EscPosWriter bold(boolean on) {
        return put(ESC, 'E', on ? 1 : 0);
    }

    /** {@code GS !}: double width and height, or normal size. */
    EscPosWriter doubleSize(boolean on) {
        return put(GS, '!', on ? 0x11 : 0x00);
    }

    EscPosWriter align(Align align) {
        return put(ESC, 'a', align.ordinal());
    }

    /** One line of text followed by a line feed. */
    EscPosWriter line(String text) {
        append(page.encode(fit(text)));
        return put(LF);
    }

    EscPosWriter feed() {
        return put(LF);
    }

    /** Code 128, code set B, with the text printed below; {@code moduleDots} is 1 to 6. */
    EscPosWriter code128(String payload, int moduleDots) {
        byte[] data = payload.getBytes(StandardCharsets.US_ASCII);
        put(GS, 'h', 80).put(GS, 'w', moduleDots).put(GS, 'H', 2).put(GS, 'f', 0);
        put(GS, 'k', 73, data.length + 2, '{', 'B');
        append(data);
        return put(LF);
    }

    /** QR code, model 2, error correction M, {@code moduleDots} per module. */
    EscPosWriter qr(String payload, int moduleDots) {
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        int length = data.length + 3;
        put(GS, '(', 'k', 4, 0, 49, 65, 50, 0);
        put(GS, '(', 'k', 3, 0, 49, 67, moduleDots);
        put(GS, '(', 'k', 3, 0, 49, 69, 49);
        put(GS, '(', 'k', length & 0xFF, length >> 8, 49, 80, 48);
        append(data);
        put(GS, '(', 'k', 3, 0, 49, 81, 48);
        return put(LF);
    }

    /** {@code GS V 66 n}: feed to the cutter (plus n motion units) and cut partially. */
    EscPosWriter cut() {
        return put(GS, 'V', 66, 3);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private EscPosWriter put(int... bytes) {
        ensure(bytes.length);
        for (int b : bytes) {
            buffer[size++] = (byte) b;
        }
        return this;
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}
