package io.storedesk.receipt.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The embedded font, loaded from the classpath once per JVM. Bold text is drawn from the same face
 * with a thin outline stroke (see {@link PdfPainter}): embedding a second face costs a second
 * subset per document, which alone would cut throughput by about a quarter. At load time the face
 * is reduced to the characters receipts print (Latin with Extended-A, Romanian comma letters, Russian and Ukrainian
 * Cyrillic, punctuation, € and №): this drops the thousands of glyphs and the glyph substitution
 * tables a receipt never uses, which makes embedding a per-document subset several times cheaper.
 * Characters outside the set are transliterated, not dropped.
 *
 * <p>A parsed {@link TrueTypeFont} is not safe for concurrent use, so parsed copies are lent to one
 * document at a time from a small pool and given back afterwards.
 */
final class FontLibrary {

    private static final String REGULAR = "/io/storedesk/receipt/pdf/fonts/DejaVuSansCondensed.ttf";
    private static final int[][] CHARACTER_RANGES = {
        {0x20, 0x7E}, {0xA0, 0x17F}, {0x218, 0x21B}, {0x400, 0x45F}, {0x490, 0x491}, {0x2010, 0x2026},
        {0x2030, 0x2030}, {0x2039, 0x203A}, {0x20AC, 0x20AC}, {0x2116, 0x2116}, {0x2122, 0x2122}, {0x2212, 0x2212},
    };
    private static final int MAX_POOLED = 16;

    private final byte[] reduced;
    private final BitSet coverage = new BitSet();
    private final float[] widths;
    private final Queue<TrueTypeFont> pool = new ConcurrentLinkedQueue<>();

    private FontLibrary() {
        try {
            TrueTypeFont full = parse(read(REGULAR));
            for (int[] range : CHARACTER_RANGES) {
                for (int cp = range[0]; cp <= range[1]; cp++) {
                    if (full.getUnicodeCmapLookup().getGlyphId(cp) > 0) {
                        coverage.set(cp);
                    }
                }
            }
            this.widths = widths(full);
            this.reduced = reduce(full);
            full.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the embedded receipt fonts", e);
        }
    }

    /** The JVM-wide library, loaded on first use. */
    static FontLibrary shared() {
        return Holder.INSTANCE;
    }

    /** Whether the embedded fonts can draw the code point. */
    boolean covers(int codePoint) {
        return coverage.get(codePoint);
    }

    /**
     * Advance width of a covered character in thousandths of the font size, exactly what
     * {@code PDFont.getStringWidth} reports for it, looked up instead of re-encoded every time.
     */
    float width(char c) {
        return c < widths.length ? widths[c] : 0f;
    }

    /** A parsed font for one document; give it back with {@link #release}. */
    TrueTypeFont borrow() throws IOException {
        TrueTypeFont font = pool.poll();
        return font != null ? font : parse(reduced);
    }

    void release(TrueTypeFont font) throws IOException {
        if (pool.size() < MAX_POOLED) {
            pool.offer(font);
        } else {
            font.close();
        }
    }

    private float[] widths(TrueTypeFont font) throws IOException {
        float[] widths = new float[coverage.length()];
        float scale = 1000f / font.getUnitsPerEm();
        for (int cp = coverage.nextSetBit(0); cp >= 0; cp = coverage.nextSetBit(cp + 1)) {
            widths[cp] = Math.round(font.getAdvanceWidth(font.getUnicodeCmapLookup().getGlyphId(cp)) * scale);
        }
        return widths;
    }

    private byte[] reduce(TrueTypeFont font) throws IOException {
        TTFSubsetter subsetter = new TTFSubsetter(font);
        coverage.stream().forEach(subsetter::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        subsetter.writeToStream(out);
        return out.toByteArray();
    }

    private static TrueTypeFont parse(byte[] data) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(data));
        font.setEnableGsub(false);
        return font;
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = FontLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Font missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        }
    }

    private static final class Holder {
        static final FontLibrary INSTANCE = new FontLibrary();
    }
}
