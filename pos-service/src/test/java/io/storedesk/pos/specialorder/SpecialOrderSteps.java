package io.storedesk.pos.specialorder;

import io.storedesk.pos.support.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of a special order over HTTP that the real desk's tests and the training desk's tests both walk, with the
 * checks both make on the way: the order and its rules are the same, only the user (in training or not) differs.
 *
 * @param api  the client
 * @param user who takes the steps
 */
public record SpecialOrderSteps(Api api, String user) {

    /** A cash deposit order: {@code EL-2002} at 49.00 with 20.00 down, as {@link #assertCashDepositOrder} checks. */
    public static final String CASH_DEPOSIT_ORDER = """
            {"customerId":"%s","drawerId":"D1","lines":[{"sku":"EL-2002","quantity":1}],
             "deposit":{"type":"CASH","amount":"20.00"},"note":"Blue one"}""";

    /** Paying the rest of {@link #CASH_DEPOSIT_ORDER} at drawer D1 with 30.00 in cash. */
    public static final String CASH_PICKUP = "{\"drawerId\":\"D1\",\"tenders\":[{\"type\":\"CASH\",\"amount\":\"30.00\"}]}";

    /** A step of an order ({@code arrived}, {@code pickup}, {@code cancel}); an empty body is sent as {@code {}}. */
    public Api.Response step(String number, String step, String body) {
        return api.post("/api/v1/special-orders/" + number + "/" + step, user, body.isEmpty() ? "{}" : body);
    }

    /** The order taken from {@link #CASH_DEPOSIT_ORDER}: ordered, 49.00 quoted, 29.00 left to pay, 20.00 cash down. */
    public static void assertCashDepositOrder(Api.Response created) {
        assertThat(created.text("status")).isEqualTo("ORDERED");
        assertThat(created.text("quotedTotal")).isEqualTo("49.00");
        assertThat(created.text("balance")).isEqualTo("29.00");
        assertThat(created.json().get("deposit").get("type").asString()).isEqualTo("CASH");
        assertThat(created.json().get("deposit").get("amount").asString()).isEqualTo("20.00");
        assertThat(created.json().get("lines").get(0).get("name").asString()).isNotBlank();
    }

    /** Marks an ordered order arrived: not picked up before (409), arrived once (200), not twice (409). */
    public Api.Response arrive(String number) {
        assertThat(step(number, "pickup", CASH_PICKUP).status()).isEqualTo(409);
        Api.Response arrived = step(number, "arrived", "");
        assertThat(arrived.status()).as(arrived.body()).isEqualTo(200);
        assertThat(arrived.text("status")).isEqualTo("ARRIVED");
        assertThat(step(number, "arrived", "").status()).isEqualTo(409);
        return arrived;
    }

    /**
     * The pickup of {@link #CASH_DEPOSIT_ORDER} with {@link #CASH_PICKUP}: a sale of 49.00 with 1.00 change, the
     * order picked up on its receipt, the deposit its first tender and the cash the rest; the sale.
     */
    public JsonNode assertPickedUpPayingTheRest(Api.Response pickup) {
        assertThat(pickup.status()).as(pickup.body()).isEqualTo(201);
        JsonNode sale = pickup.json().get("sale");
        assertThat(sale.get("total").asString()).isEqualTo("49.00");
        assertThat(sale.get("change").asString()).isEqualTo("1.00");
        assertThat(pickup.json().get("order").get("status").asString()).isEqualTo("PICKED_UP");
        assertThat(pickup.json().get("order").get("receiptNumber").asString())
                .isEqualTo(sale.get("receiptNumber").asString());
        JsonNode stored = api.get("/api/v1/sales/" + sale.get("receiptNumber").asString(), user).json();
        assertThat(stored.get("tenders").valueStream().map(t -> t.get("type").asString() + " " + t.get("amount").asString()))
                .containsExactly("DEPOSIT 20.00", "CASH 29.00");
        return sale;
    }

    /**
     * Six beers (LV-1029) ordered with 5.00 cash down at drawer D1, arrived and picked up: the pickup without an age
     * check is refused (422 {@code age-check-required}, the order stays arrived), with one it is a sale of 9.54 whose
     * 4.54 due in cash is rounded to 4.55 (0.45 change); the order number and the sale.
     */
    public AgeCheckedPickup ageCheckedPickup(String customer) {
        Api.Response beer = api.post("/api/v1/special-orders", user, """
                {"customerId":"%s","drawerId":"D1","lines":[{"sku":"LV-1029","quantity":6}],
                 "deposit":{"type":"CASH","amount":"5.00"}}""".formatted(customer));
        assertThat(beer.status()).as(beer.body()).isEqualTo(201);
        String number = beer.text("orderNumber");
        assertThat(step(number, "arrived", "").status()).isEqualTo(200);
        Api.Response unchecked = step(number, "pickup", "{\"drawerId\":\"D1\",\"tenders\":[{\"type\":\"CASH\",\"amount\":\"5.00\"}]}");
        assertThat(unchecked.status()).as(unchecked.body()).isEqualTo(422);
        assertThat(unchecked.text("type")).endsWith("/problems/age-check-required");
        assertThat(api.get("/api/v1/special-orders/" + number, user).text("status")).isEqualTo("ARRIVED");
        Api.Response checked = step(number, "pickup", """
                {"drawerId":"D1","tenders":[{"type":"CASH","amount":"5.00"}],"ageCheck":{"idChecked":true,"looksOver":18}}""");
        assertThat(checked.status()).as(checked.body()).isEqualTo(201);
        JsonNode sale = checked.json().get("sale");
        assertThat(sale.get("total").asString()).isEqualTo("9.54");
        assertThat(sale.get("change").asString()).isEqualTo("0.45"); // 4.54 due in cash, rounded to 4.55
        return new AgeCheckedPickup(number, sale);
    }

    /** An age-restricted order picked up: its number and the pickup's sale. */
    public record AgeCheckedPickup(String orderNumber, JsonNode sale) {
    }
}
