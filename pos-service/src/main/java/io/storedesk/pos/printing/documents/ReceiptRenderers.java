package io.storedesk.pos.printing.documents;

import java.util.EnumMap;
import java.util.Map;

import io.storedesk.receipt.PaperWidth;
import io.storedesk.receipt.escpos.EscPosReceiptRenderer;
import io.storedesk.receipt.pdf.PdfReceiptRenderer;
import org.springframework.stereotype.Component;

/** One PDF and one ESC/POS renderer per paper width, made once (the font is parsed once). */
@Component
public class ReceiptRenderers {

    private final Map<PaperWidth, PdfReceiptRenderer> pdf = new EnumMap<>(PaperWidth.class);
    private final Map<PaperWidth, EscPosReceiptRenderer> escPos = new EnumMap<>(PaperWidth.class);

    ReceiptRenderers() {
        for (PaperWidth width : PaperWidth.values()) {
            pdf.put(width, new PdfReceiptRenderer(width));
            escPos.put(width, new EscPosReceiptRenderer(width));
        }
    }

    public PdfReceiptRenderer pdf(PaperWidth width) {
        return pdf.get(width);
    }

    public EscPosReceiptRenderer escPos(PaperWidth width) {
        return escPos.get(width);
    }
}
