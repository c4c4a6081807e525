package io.storedesk.receipt.escpos;

import io.storedesk.receipt.PaperWidth;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.layout.Align;
import io.storedesk.receipt.layout.Block;
import io.storedesk.receipt.layout.ReceiptComposer;
import io.storedesk.receipt.layout.TextStyle;
import java.util.List;
import java.util.Objects;

/**
 * Renders a receipt as ESC/POS bytes for a thermal printer: {@code ESC @}, the code page chosen for
 * the receipt's text ({@code ESC t n}), the composed blocks in 42 (80 mm) or 32 (58 mm) columns with
 * amounts right-aligned, bold ({@code ESC E}), double size ({@code GS !}) and alignment
 * ({@code ESC a}), a Code 128 barcode ({@code GS k}), an optional QR code ({@code GS ( k}), and a
 * feed and partial cut ({@code GS V}). Instances are immutable and thread-safe.
 */
public final class EscPosReceiptRenderer {

    private final PaperWidth paper;
    private final CodePageTable codePages;

    /** An 80 mm or 58 mm renderer with Epson code page numbers. */
    public EscPosReceiptRenderer(PaperWidth paper) {
        this(paper, CodePageTable.epsonDefaults());
    }

    public EscPosReceiptRenderer(PaperWidth paper, CodePageTable codePages) {
        this.paper = Objects.requireNonNull(paper, "paper");
        this.codePages = Objects.requireNonNull(codePages, "codePages");
    }

    /** The printer bytes of the receipt, ending with a paper cut. */
    public byte[] render(Receipt receipt) {
        List<Block> blocks = ReceiptComposer.compose(receipt);
        CodePage page = codePages.choose(textOf(blocks), receipt.locale());
        EscPosWriter out = new EscPosWriter(page).initialize().selectCodePage();
        for (Block block : blocks) {
            write(block, out);
        }
        return out.feed().cut().toByteArray();
    }

    private void write(Block block, EscPosWriter out) {
        if (block instanceof Block.Text text) {
            ColumnLayout layout = styled(text.style(), out);
            out.align(text.align());
            layout.wrap(out.fit(text.text())).forEach(out::line);
            out.align(Align.LEFT);
            plain(text.style(), out);
        } else if (block instanceof Block.Row row) {
            ColumnLayout layout = styled(row.style(), out);
            layout.row(row.cells().stream().map(out::fit).toList()).forEach(out::line);
            plain(row.style(), out);
        } else if (block instanceof Block.Rule) {
            out.line(new ColumnLayout(paper.columns()).rule());
        } else if (block instanceof Block.Space) {
            out.feed();
        } else if (block instanceof Block.Banner banner) {
            out.align(Align.CENTER).bold(true).doubleSize(true).line("*** " + banner.text() + " ***");
            out.doubleSize(false).bold(false).align(Align.LEFT);
        } else if (block instanceof Block.Barcode barcode) {
            out.align(Align.CENTER).code128(barcode.payload(), barcodeModule(barcode.payload())).align(Align.LEFT);
        } else if (block instanceof Block.QrCode qr) {
            out.align(Align.CENTER).qr(qr.payload(), paper == PaperWidth.MM_80 ? 6 : 4).align(Align.LEFT);
        }
    }

    private ColumnLayout styled(TextStyle style, EscPosWriter out) {
        if (style == TextStyle.LARGE) {
            out.bold(true).doubleSize(true);
            return new ColumnLayout(paper.columns() / 2);
        }
        if (style == TextStyle.BOLD) {
            out.bold(true);
        }
        return new ColumnLayout(paper.columns());
    }

    private static void plain(TextStyle style, EscPosWriter out) {
        if (style == TextStyle.LARGE) {
            out.doubleSize(false);
        }
        if (style != TextStyle.NORMAL) {
            out.bold(false);
        }
    }

    /** Module width in dots: 2 when the symbol fits the printable width (576 or 384 dots), else 1. */
    private int barcodeModule(String payload) {
        int modules = (payload.length() + 3) * 11 + 2 + 20;
        int printableDots = paper == PaperWidth.MM_80 ? 576 : 384;
        return modules * 2 <= printableDots ? 2 : 1;
    }

    private static String textOf(List<Block> blocks) {
        StringBuilder text = new StringBuilder(2048);
        for (Block block : blocks) {
            if (block instanceof Block.Text t) {
                text.append(t.text());
            } else if (block instanceof Block.Row row) {
                row.cells().forEach(text::append);
            } else if (block instanceof Block.Banner banner) {
                text.append(banner.text());
            }
        }
        return text.toString();
    }
}
