package io.storedesk.receipt.escpos;

/**
 * Stand-alone ESC/POS commands that are sent on their own rather than as part of a receipt, such as
 * opening the cash drawer. Each call returns a fresh array.
 */
public final class EscPosCommands {

    static final byte ESC = 0x1B;
    static final byte GS = 0x1D;
    static final byte DLE = 0x10;
    static final byte EOT = 0x04;

    /** Drawer kick-out connector pin 2, the one most drawers are wired to. */
    public static final int DRAWER_PIN_2 = 0;
    /** Drawer kick-out connector pin 5, for a second drawer. */
    public static final int DRAWER_PIN_5 = 1;

    private EscPosCommands() {
    }

    /** {@code ESC p 0 25 250}: a 50 ms pulse on pin 2, then 500 ms off; opens a standard cash drawer. */
    public static byte[] drawerKick() {
        return drawerKick(DRAWER_PIN_2, 25, 250);
    }

    /**
     * {@code ESC p m t1 t2}: pulse on a drawer pin for {@code onUnits} x 2 ms, then off for
     * {@code offUnits} x 2 ms.
     */
    public static byte[] drawerKick(int pin, int onUnits, int offUnits) {
        if (pin != DRAWER_PIN_2 && pin != DRAWER_PIN_5) {
            throw new IllegalArgumentException("pin must be DRAWER_PIN_2 or DRAWER_PIN_5");
        }
        if (onUnits < 0 || onUnits > 255 || offUnits < onUnits || offUnits > 255) {
            throw new IllegalArgumentException("pulse times must be 0..255 with off >= on");
        }
        return new byte[] {ESC, 'p', (byte) pin, (byte) onUnits, (byte) offUnits};
    }

    /** {@code ESC @}: resets the printer to its power-on settings. */
    public static byte[] initialize() {
        return new byte[] {ESC, '@'};
    }

    /** {@code DLE EOT 4}: asks for the roll paper sensor status; the printer answers one byte. */
    public static byte[] paperStatusQuery() {
        return new byte[] {DLE, EOT, 4};
    }
}
