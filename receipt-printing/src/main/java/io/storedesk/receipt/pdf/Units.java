package io.storedesk.receipt.pdf;

/** The one place where millimetres become PDF points (1/72 inch). */
final class Units {

    private static final float POINTS_PER_MILLIMETRE = 72f / 25.4f;

    private Units() {
    }

    /** Points for a length in millimetres: {@code mm(80)} is 226.77. */
    static float mm(float millimetres) {
        return millimetres * POINTS_PER_MILLIMETRE;
    }
}
