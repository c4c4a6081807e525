package io.storedesk.pos.catalog;

/** EAN-13 barcodes: 13 digits, the last a check digit over the first twelve. */
public final class Ean13 {

    private Ean13() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 13 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return checkDigit(code.substring(0, 12)) == code.charAt(12) - '0';
    }

    /** The check digit for twelve digits: weights 1 and 3 alternating from the left. */
    public static int checkDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int d = twelveDigits.charAt(i) - '0';
            sum += (i % 2 == 0) ? d : d * 3;
        }
        return (10 - sum % 10) % 10;
    }
}
