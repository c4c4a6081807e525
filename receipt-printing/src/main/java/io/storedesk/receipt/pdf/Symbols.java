package io.storedesk.receipt.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.List;
import java.util.Map;

/**
 * Barcode and QR code symbols as filled rectangles, encoded with ZXing. Adjacent dark modules of a
 * row are merged into one rectangle, which keeps the content stream short and the bars crisp at any
 * zoom. QR codes use a fixed mask pattern: letting ZXing score all eight masks costs more than the
 * rest of the receipt, and any mask is valid for readers.
 */
final class Symbols {

    private static final Map<EncodeHintType, Object> QR_HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, "UTF-8",
            EncodeHintType.MARGIN, 0,
            EncodeHintType.QR_MASK_PATTERN, 0);

    private Symbols() {
    }

    /** Code 128 bars scaled to fit {@code maxWidth}, centred in it; returns the symbol height. */
    static float code128(String payload, float left, float top, float maxWidth, float height, List<DrawOp> out) {
        boolean[] modules = new Code128Writer().encode(payload);
        float module = Math.min(1f, maxWidth / (modules.length + 20));
        float x = left + (maxWidth - modules.length * module) / 2;
        addRuns(modules, x, top, module, height, out);
        return height;
    }

    /** A QR code of side {@code side}, centred in {@code maxWidth}; returns the side. */
    static float qr(String payload, float left, float top, float maxWidth, float side, List<DrawOp> out) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, QR_HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode QR payload of " + payload.length() + " characters", e);
        }
        float module = Math.min(side, maxWidth) / matrix.getWidth();
        float x = left + (maxWidth - module * matrix.getWidth()) / 2;
        boolean[] row = new boolean[matrix.getWidth()];
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int i = 0; i < row.length; i++) {
                row[i] = matrix.get(i, y);
            }
            addRuns(row, x, top + y * module, module, module, out);
        }
        return module * matrix.getHeight();
    }

    private static void addRuns(boolean[] modules, float x, float top, float module, float height, List<DrawOp> out) {
        int i = 0;
        while (i < modules.length) {
            if (!modules[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < modules.length && modules[i]) {
                i++;
            }
            out.add(new DrawOp.Box(x + start * module, top, (i - start) * module, height));
        }
    }
}
