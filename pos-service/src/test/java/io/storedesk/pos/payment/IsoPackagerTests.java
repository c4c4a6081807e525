package io.storedesk.pos.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.packager.GenericPackager;
import org.jpos.iso.packager.ISO87APackager;
import org.junit.jupiter.api.Test;

/**
 * The GenericPackager XML in config/jpos must pack exactly like jPOS's ISO87APackager (the
 * wire format DESIGN.md fixes) and unpack what it packs.
 */
class IsoPackagerTests {

    private final ISOPackager configured = packager();
    private final ISOPackager reference = new ISO87APackager();

    @Test
    void packsAPurchaseExactlyLikeIso87APackager() throws Exception {
        ISOMsg purchase = purchase();

        byte[] ours = pack(purchase, configured);

        assertThat(ours).isEqualTo(pack(purchase, reference));
        String wire = new String(ours, StandardCharsets.US_ASCII);
        assertThat(wire).startsWith("0200").contains("16" + PaymentTestSupport.VISA).contains("000000001230");
    }

    @Test
    void roundTripsAPurchase() throws Exception {
        ISOMsg back = unpack(pack(purchase(), configured));

        assertThat(back.getMTI()).isEqualTo("0200");
        for (int field : new int[] { 2, 3, 4, 7, 11, 12, 13, 14, 22, 25, 41, 49 }) {
            assertThat(back.getString(field)).as("field %d", field).isEqualTo(purchase().getString(field));
        }
        assertThat(back.getString(42)).as("fixed-length text is space-padded").isEqualTo("TESTSHOP001    ");
    }

    @Test
    void roundTripsASwipedPurchaseWithTrack2() throws Exception {
        ISOMsg m = purchase();
        m.unset(2, 14);
        m.set(35, "5413330089010434=28122011234567890");

        ISOMsg back = unpack(pack(m, configured));

        assertThat(pack(m, configured)).isEqualTo(pack(m, reference));
        assertThat(back.getString(35)).isEqualTo("5413330089010434=28122011234567890");
    }

    @Test
    void roundTripsAReversalWithFieldNinetyInTheSecondaryBitmap() throws Exception {
        ISOMsg reversal = new ISOMsg("0400");
        reversal.set(3, "000000");
        reversal.set(4, "000000006666");
        reversal.set(7, "1123180102");
        reversal.set(11, "000043");
        reversal.set(41, "T0000R01");
        reversal.set(42, "TESTSHOP001");
        reversal.set(49, "978");
        reversal.set(90, "020000004211231801000000000000000000000000");

        byte[] packed = pack(reversal, configured);
        ISOMsg back = unpack(packed);

        assertThat(packed).isEqualTo(pack(reversal, reference));
        assertThat(new String(packed, 4, 32, StandardCharsets.US_ASCII)).as("primary + secondary bitmap")
                .matches("[0-9A-F]{32}");
        assertThat(back.getString(90)).isEqualTo("020000004211231801000000000000000000000000");
    }

    @Test
    void roundTripsAnEchoWithNetworkCode() throws Exception {
        ISOMsg echo = new ISOMsg("0800");
        echo.set(7, "1123180102");
        echo.set(11, "000044");
        echo.set(70, "301");

        ISOMsg back = unpack(pack(echo, configured));

        assertThat(pack(echo, configured)).isEqualTo(pack(echo, reference));
        assertThat(back.getString(70)).isEqualTo("301");
    }

    private static ISOMsg purchase() {
        ISOMsg m = new ISOMsg("0200");
        m.set(2, PaymentTestSupport.VISA);
        m.set(3, "000000");
        m.set(4, "000000001230");
        m.set(7, "1123180102");
        m.set(11, "000042");
        m.set(12, "200102");
        m.set(13, "1123");
        m.set(14, "2812");
        m.set(22, "012");
        m.set(25, "00");
        m.set(41, "T0000R01");
        m.set(42, "TESTSHOP001");
        m.set(49, "978");
        return m;
    }

    private static byte[] pack(ISOMsg m, ISOPackager packager) throws Exception {
        ISOMsg copy = (ISOMsg) m.clone();
        copy.setPackager(packager);
        return copy.pack();
    }

    private ISOMsg unpack(byte[] bytes) throws Exception {
        ISOMsg m = new ISOMsg();
        m.setPackager(configured);
        m.unpack(bytes);
        return m;
    }

    private static ISOPackager packager() {
        try {
            return new GenericPackager(PaymentTestSupport.packager().toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
