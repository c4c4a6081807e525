package io.storedesk.pos.stock;

/**
 * Head office's stock of every store for one SKU, asked for online (implemented by the head-office
 * sync when it is configured).
 */
public interface HeadOfficeStock {

    /**
     * Head office's answer to {@code GET /api/ho/v1/stock/{sku}} (JSON).
     *
     * @throws Unreachable when head office is not configured, cannot be reached in time or answers
     *                     otherwise than 200
     */
    String stockOf(String sku);

    /** Head office could not give the stock of the other stores. */
    class Unreachable extends RuntimeException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
