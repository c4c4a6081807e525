package io.storedesk.pos.promotion;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.promotion.Promotion.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worked examples of every promotion kind, their combinations and ties. */
class PromotionEngineTests {

    static final Currency EUR = Currency.getInstance("EUR");
    /** A Monday evening. */
    static final LocalDateTime MONDAY_EVENING = LocalDateTime.of(2026, 11, 23, 18, 30);

    private final List<PromotionBasket.Line> lines = new ArrayList<>();
    private boolean card;
    private Set<String> coupons = Set.of();
    private LocalDateTime time = MONDAY_EVENING;

    private PromotionEngineTests line(String sku, String department, int quantity, String price) {
        lines.add(new PromotionBasket.Line(lines.size() + 1, sku, department, quantity, Money.of(price, EUR)));
        return this;
    }

    private PromotionOutcome apply(Promotion... promotions) {
        PromotionEngine engine = PromotionEngine.of(new PromotionSet(7, "test", Instant.EPOCH, List.of(promotions)), EUR);
        return engine.apply(new PromotionBasket(lines, card, coupons, time));
    }

    private static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    private static Map<String, String> applied(PromotionOutcome o) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        o.applied().forEach(a -> m.put(a.code(), a.amount().toString()));
        return m;
    }

    private static Map<Integer, String> lineDiscounts(PromotionOutcome o) {
        Map<Integer, String> m = new java.util.TreeMap<>();
        o.lineDiscounts().forEach((k, v) -> m.put(k, v.toString()));
        return m;
    }

    // --- one kind at a time ---

    @Test
    void percentOffAnItemRoundsHalfUpPerLine() {
        line("SOCKS", "CLOTHING", 3, "8.90").line("BREAD", "FOOD", 1, "1.89");

        // 3 x 8.90 = 26.70, 15 % = 4.005 -> 4.01
        PromotionOutcome o = apply(Promotion.percentOff("SOCKS15", "Socks -15 %", Scope.ITEM, Set.of("SOCKS"), "15"));

        assertThat(applied(o)).containsExactly(Map.entry("SOCKS15", "4.01"));
        assertThat(lineDiscounts(o)).containsExactly(Map.entry(1, "4.01"));
        assertThat(o.basketDiscount()).isEqualTo(eur("0.00"));
        assertThat(o.setVersion()).isEqualTo(7);
    }

    @Test
    void amountOffADepartmentIsPerUnitAndNeverMoreThanTheUnit() {
        line("CANDLE", "HOUSEHOLD", 2, "4.50").line("NAPKIN", "HOUSEHOLD", 3, "0.35");

        PromotionOutcome o = apply(Promotion.amountOff("HH050", "Household -0.50 each", Scope.DEPARTMENT,
                Set.of("HOUSEHOLD"), "0.50"));

        // 2 x 0.50 + 3 x 0.35 (capped at the unit price)
        assertThat(lineDiscounts(o)).containsExactly(Map.entry(1, "1.00"), Map.entry(2, "1.05"));
        assertThat(applied(o)).containsExactly(Map.entry("HH050", "2.05"));
    }

    @Test
    void percentAndAmountOffTheBasketAreBasketDiscounts() {
        line("A", "X", 1, "10.00").line("B", "Y", 2, "5.05");

        PromotionOutcome pct = apply(Promotion.percentOff("B10", "Basket -10 %", Scope.BASKET, Set.of(), "10"));
        PromotionOutcome amt = apply(Promotion.amountOff("B5", "Basket -5.00", Scope.BASKET, Set.of(), "5.00"));

        // 20.10 x 10 % = 2.01
        assertThat(pct.basketDiscount()).isEqualTo(eur("2.01"));
        assertThat(pct.lineDiscounts()).isEmpty();
        assertThat(pct.applied()).singleElement().satisfies(a -> assertThat(a.basketWide()).isTrue());
        assertThat(amt.basketDiscount()).isEqualTo(eur("5.00"));
    }

    @Test
    void multiBuyThreeForTenCountsWholeGroupsOnly() {
        line("CANDLE", "HOUSEHOLD", 7, "4.50");

        // two groups of 3 (13.50 -> 10.00, 3.50 off each); the seventh candle pays full price
        PromotionOutcome o = apply(Promotion.multiBuy("3FOR10", "Candles 3 for 10.00", Scope.ITEM, Set.of("CANDLE"), 3,
                "10.00"));

        assertThat(applied(o)).containsExactly(Map.entry("3FOR10", "7.00"));
        assertThat(lineDiscounts(o)).containsExactly(Map.entry(1, "7.00"));
    }

    @Test
    void multiBuyGroupsAcrossLinesSpreadTheSavingProRata() {
        line("MUG-RED", "HOUSEHOLD", 2, "4.00").line("MUG-BLUE", "HOUSEHOLD", 2, "3.00");

        // most expensive first: 4.00 + 4.00 + 3.00 = 11.00 -> 10.00 saves 1.00, spread 0.36/0.36/0.27 -> rest 0.01
        // to the largest share; the fourth mug is left over
        PromotionOutcome o = apply(Promotion.multiBuy("MUGS", "Any 3 mugs for 10.00", Scope.ITEM,
                Set.of("MUG-RED", "MUG-BLUE"), 3, "10.00"));

        assertThat(applied(o)).containsExactly(Map.entry("MUGS", "1.00"));
        assertThat(lineDiscounts(o)).containsExactly(Map.entry(1, "0.73"), Map.entry(2, "0.27"));
    }

    @Test
    void multiBuyThatWouldCostMoreIsNotApplied() {
        line("GUM", "FOOD", 3, "0.79");

        assertThat(apply(Promotion.multiBuy("GUM3", "3 for 10.00", Scope.ITEM, Set.of("GUM"), 3, "10.00")).applied())
                .isEmpty();
    }

    @Test
    void buyTwoGetOneFreeGivesTheCheapestOfEachGroup() {
        line("CREAM", "COSMETICS", 1, "5.65").line("SHAMPOO", "COSMETICS", 2, "4.89").line("PASTE", "COSMETICS", 3, "2.79");

        // units by price: 5.65 4.89 4.89 | 2.79 2.79 2.79 -> free: one shampoo (4.89) and one paste (2.79)
        PromotionOutcome o = apply(Promotion.buyGet("2PLUS1", "Buy 2 get 1", Scope.DEPARTMENT, Set.of("COSMETICS"), 2, 1));

        assertThat(applied(o)).containsExactly(Map.entry("2PLUS1", "7.68"));
        assertThat(lineDiscounts(o)).containsExactly(Map.entry(2, "4.89"), Map.entry(3, "2.79"));
    }

    @Test
    void buyXGetYWorksArithmeticallyOnLargeQuantities() {
        line("PASTE", "COSMETICS", 9999, "2.79");

        // 3333 groups of 3, one free in each
        PromotionOutcome o = apply(Promotion.buyGet("2PLUS1", "Buy 2 get 1", Scope.ITEM, Set.of("PASTE"), 2, 1));

        assertThat(o.total()).isEqualTo(eur("9299.07"));
    }

    @Test
    void basketThresholdAppliesFromTheThresholdOnWhatIsLeftToPay() {
        line("KETTLE", "ELECTRONICS", 1, "34.99").line("CHARGER", "ELECTRONICS", 1, "15.01");
        Promotion over50 = Promotion.threshold("OVER50", "-10 % from 50.00", Scope.BASKET, Set.of(), "50.00", "10", null);

        assertThat(apply(over50).basketDiscount()).isEqualTo(eur("5.00"));

        // a 2.00 item discount brings the basket under 50.00: no threshold discount
        PromotionOutcome under = apply(over50,
                Promotion.amountOff("KETTLE2", "Kettle -2.00", Scope.ITEM, Set.of("KETTLE"), "2.00"));
        assertThat(applied(under)).containsExactly(Map.entry("KETTLE2", "2.00"));
    }

    @Test
    void departmentThresholdFallsOnlyOnThatDepartmentsLines() {
        line("SOCKS", "CLOTHING", 2, "8.90").line("HAT", "CLOTHING", 1, "14.95").line("WASH", "HOUSEHOLD", 1, "12.99")
                .line("BREAD", "FOOD", 1, "1.89");

        // clothing + household: 17.80 + 14.95 + 12.99 = 45.74 >= 40.00 -> 4.57, pro rata rounded down
        // 1.77 / 1.49 / 1.29, the 0.02 left to the largest line
        PromotionOutcome o = apply(Promotion.threshold("HOME40", "-10 % from 40.00", Scope.DEPARTMENT,
                Set.of("CLOTHING", "HOUSEHOLD"), "40.00", "10", null));

        assertThat(applied(o)).containsExactly(Map.entry("HOME40", "4.57"));
        assertThat(lineDiscounts(o)).containsExactly(Map.entry(1, "1.79"), Map.entry(2, "1.49"), Map.entry(3, "1.29"));
        assertThat(o.basketDiscount()).isEqualTo(eur("0.00"));
    }

    // --- conditions ---

    @Test
    void couponPromotionsNeedTheirCouponInAnyCase() {
        line("A", "X", 1, "20.00");
        Promotion rudens = Promotion.percentOff("RUDENS10", "-10 %", Scope.BASKET, Set.of(), "10").withCoupon("rudens10");

        assertThat(apply(rudens).applied()).isEmpty();
        coupons = Set.of(" Rudens10 ");
        assertThat(apply(rudens).basketDiscount()).isEqualTo(eur("2.00"));
    }

    @Test
    void unknownCouponsAreReported() {
        PromotionEngine engine = PromotionEngine.of(new PromotionSet(1, "t", Instant.EPOCH,
                List.of(Promotion.percentOff("R", "-10 %", Scope.BASKET, Set.of(), "10").withCoupon("RUDENS10"))), EUR);

        assertThat(engine.unknownCoupons(List.of("rudens10", "ZIEMA", "ziema"))).containsExactly("ZIEMA");
    }

    @Test
    void memberOnlyPromotionsNeedALoyaltyCard() {
        line("SOCKS", "CLOTHING", 1, "8.90");
        Promotion members = Promotion.percentOff("KLUBS", "-20 %", Scope.ITEM, Set.of("SOCKS"), "20").withMemberOnly(true);

        assertThat(apply(members).applied()).isEmpty();
        card = true;
        assertThat(apply(members).total()).isEqualTo(eur("1.78"));
    }

    @Test
    void validityDatesDaysAndHoursAreStoreTime() {
        line("UMBRELLA", "CLOTHING", 1, "19.99");
        Promotion mornings = Promotion.amountOff("RITS", "-5.00", Scope.ITEM, Set.of("UMBRELLA"), "5.00")
                .withValidity(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), LocalTime.of(8, 0),
                        LocalTime.of(10, 0), Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY));

        time = LocalDateTime.of(2026, 11, 23, 8, 0);
        assertThat(apply(mornings).total()).isEqualTo(eur("5.00"));
        time = LocalDateTime.of(2026, 11, 23, 10, 0); // closes is exclusive
        assertThat(apply(mornings).applied()).isEmpty();
        time = LocalDateTime.of(2026, 11, 25, 9, 0); // a Wednesday
        assertThat(apply(mornings).applied()).isEmpty();
        time = LocalDateTime.of(2026, 12, 1, 9, 0); // a Tuesday after the last day
        assertThat(apply(mornings).applied()).isEmpty();

        Promotion nights = mornings.withValidity(null, null, LocalTime.of(22, 0), LocalTime.of(6, 0), null);
        time = LocalDateTime.of(2026, 11, 23, 23, 30);
        assertThat(apply(nights).total()).isEqualTo(eur("5.00"));
        time = LocalDateTime.of(2026, 11, 24, 5, 59);
        assertThat(apply(nights).total()).isEqualTo(eur("5.00"));
        time = LocalDateTime.of(2026, 11, 24, 12, 0);
        assertThat(apply(nights).applied()).isEmpty();
    }

    // --- combinations, priority, exclusivity, ties ---

    @Test
    void aUnitIsClaimedByOneItemPromotionTheHigherPriorityFirst() {
        line("PASTE", "COSMETICS", 4, "2.79");
        Promotion buyGet = Promotion.buyGet("2PLUS1", "Buy 2 get 1", Scope.DEPARTMENT, Set.of("COSMETICS"), 2, 1)
                .withPriority(10);
        Promotion percent = Promotion.percentOff("PASTE10", "-10 %", Scope.ITEM, Set.of("PASTE"), "10");

        // 2+1 claims three units (one free: 2.79); the fourth gets 10 %: 0.28
        PromotionOutcome o = apply(buyGet, percent);

        assertThat(applied(o)).containsExactly(Map.entry("2PLUS1", "2.79"), Map.entry("PASTE10", "0.28"));
        assertThat(lineDiscounts(o)).containsExactly(Map.entry(1, "3.07"));

        // with the priorities the other way round, 10 % claims all four units first
        PromotionOutcome reversed = apply(buyGet.withPriority(0), percent.withPriority(10));
        assertThat(applied(reversed)).containsExactly(Map.entry("PASTE10", "1.12"));
    }

    @Test
    void equalPrioritiesAreTakenInCodeOrder() {
        line("SOCKS", "CLOTHING", 1, "10.00");

        PromotionOutcome o = apply(Promotion.percentOff("B-TWENTY", "-20 %", Scope.ITEM, Set.of("SOCKS"), "20"),
                Promotion.percentOff("A-TEN", "-10 %", Scope.ITEM, Set.of("SOCKS"), "10"));

        assertThat(applied(o)).containsExactly(Map.entry("A-TEN", "1.00"));
    }

    @Test
    void itemThenThresholdThenBasketPromotionsStack() {
        line("SOCKS", "CLOTHING", 4, "10.00").line("WASH", "HOUSEHOLD", 2, "12.50");
        coupons = Set.of("RUDENS10");

        PromotionOutcome o = apply(
                Promotion.percentOff("RUDENS10", "-10 %", Scope.BASKET, Set.of(), "10").withCoupon("RUDENS10"),
                Promotion.threshold("OVER50", "-5.00 from 50.00", Scope.BASKET, Set.of(), "50.00", null, "5.00")
                        .withPriority(5),
                Promotion.percentOff("SOCKS25", "-25 %", Scope.ITEM, Set.of("SOCKS"), "25"),
                Promotion.threshold("HOME20", "-10 % household from 20.00", Scope.DEPARTMENT, Set.of("HOUSEHOLD"),
                        "20.00", "10", null));

        // socks 40.00 - 10.00; household 25.00 - 2.50; left 52.50: OVER50 (priority 5) -5.00 -> 47.50; RUDENS10 -4.75
        assertThat(applied(o)).containsExactly(Map.entry("SOCKS25", "10.00"), Map.entry("HOME20", "2.50"),
                Map.entry("OVER50", "5.00"), Map.entry("RUDENS10", "4.75"));
        assertThat(lineDiscounts(o)).containsExactly(Map.entry(1, "10.00"), Map.entry(2, "2.50"));
        assertThat(o.basketDiscount()).isEqualTo(eur("9.75"));
        assertThat(o.total()).isEqualTo(eur("22.25"));
    }

    @Test
    void theBestOfExclusivePromotionsAndTheCombinationWins() {
        line("HAT", "CLOTHING", 1, "22.00").line("SOCKS", "CLOTHING", 1, "8.90");
        Promotion hat30 = Promotion.percentOff("HAT30", "-30 % hat", Scope.ITEM, Set.of("HAT"), "30").withExclusive(true);
        Promotion clothing10 = Promotion.percentOff("CLOTH10", "-10 % clothing", Scope.DEPARTMENT, Set.of("CLOTHING"), "10");
        Promotion basket3 = Promotion.amountOff("B3", "-3.00", Scope.BASKET, Set.of(), "3.00");

        // combination: 2.20 + 0.89 + 3.00 = 6.09 against the exclusive 6.60: the exclusive wins alone
        assertThat(applied(apply(hat30, clothing10, basket3))).containsExactly(Map.entry("HAT30", "6.60"));

        // a bigger basket discount makes the combination the better price
        Promotion basket4 = Promotion.amountOff("B4", "-4.00", Scope.BASKET, Set.of(), "4.00");
        assertThat(applied(apply(hat30, clothing10, basket4)))
                .containsExactly(Map.entry("CLOTH10", "3.09"), Map.entry("B4", "4.00"));
    }

    @Test
    void onATieTheCombinationBeatsAnExclusiveAndTheEarlierExclusiveBeatsTheLater() {
        line("HAT", "CLOTHING", 1, "20.00");
        Promotion exclusiveFive = Promotion.amountOff("EX-FIVE", "-5.00", Scope.ITEM, Set.of("HAT"), "5.00")
                .withExclusive(true);
        Promotion sharedQuarter = Promotion.percentOff("SHARED", "-25 %", Scope.ITEM, Set.of("HAT"), "25");

        assertThat(applied(apply(exclusiveFive, sharedQuarter))).containsExactly(Map.entry("SHARED", "5.00"));

        Promotion otherExclusive = Promotion.percentOff("EX-A", "-25 %", Scope.ITEM, Set.of("HAT"), "25")
                .withExclusive(true);
        assertThat(applied(apply(exclusiveFive, otherExclusive))).containsExactly(Map.entry("EX-A", "5.00"));
        assertThat(applied(apply(exclusiveFive.withPriority(1), otherExclusive)))
                .containsExactly(Map.entry("EX-FIVE", "5.00"));
    }

    @Test
    void theSameBasketAlwaysGetsTheSameAnswer() {
        line("PASTE", "COSMETICS", 5, "2.79").line("CREAM", "COSMETICS", 2, "5.65").line("SOCKS", "CLOTHING", 3, "8.90");
        Promotion[] set = {Promotion.buyGet("2PLUS1", "2+1", Scope.DEPARTMENT, Set.of("COSMETICS"), 2, 1),
                Promotion.multiBuy("SOCKS3", "3 for 20.00", Scope.ITEM, Set.of("SOCKS"), 3, "20.00"),
                Promotion.percentOff("B5", "-5 %", Scope.BASKET, Set.of(), "5")};

        assertThat(apply(set)).isEqualTo(apply(set[2], set[0], set[1]));
    }

    @Test
    void invalidPromotionsAreRefusedWithTheirCode() {
        assertThatThrownBy(() -> Promotion.percentOff("P", "x", Scope.ITEM, Set.of("A"), "120"))
                .hasMessageContaining("promotion P").hasMessageContaining("percent");
        assertThatThrownBy(() -> Promotion.multiBuy("M", "x", Scope.BASKET, Set.of(), 3, "1.00"))
                .hasMessageContaining("promotion M");
        assertThatThrownBy(() -> Promotion.percentOff("D", "x", Scope.DEPARTMENT, Set.of(), "10"))
                .hasMessageContaining("targets");
    }
}
