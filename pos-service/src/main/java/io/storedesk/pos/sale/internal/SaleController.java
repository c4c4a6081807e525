package io.storedesk.pos.sale.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.Sentences;
import io.storedesk.pos.common.Sentences.Sentence;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.SaleView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sales")
class SaleController {

    private final SaleService sales;
    private final SalePricing pricing;
    private final SaleCompletion completion;
    private final PostVoids postVoids;
    private final TrainingSales trainingSales;
    private final StoreProperties store;
    private final java.time.Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<io.storedesk.pos.sale.TrainingTill> training;
    private final io.storedesk.pos.drawer.CashDrawers drawers;
    private final Sentences sentences;

    SaleController(SaleService sales, SalePricing pricing, SaleCompletion completion, PostVoids postVoids,
            TrainingSales trainingSales, StoreProperties store, java.time.Clock clock,
            org.springframework.beans.factory.ObjectProvider<io.storedesk.pos.sale.TrainingTill> training,
            io.storedesk.pos.drawer.CashDrawers drawers, Sentences sentences) {
        this.sentences = sentences;
        this.sales = sales;
        this.pricing = pricing;
        this.completion = completion;
        this.postVoids = postVoids;
        this.trainingSales = trainingSales;
        this.training = training;
        this.drawers = drawers;
        this.store = store;
        this.clock = clock;
    }

    @PostMapping("/quote")
    QuoteView quote(@Valid @RequestBody SaleRequests.Quote request) {
        SaleOrder.TaxExemption exemption = pricing.readExemption(request.taxExemption());
        PricedBasket quoted = pricing.quote(request.lines(), request.loyaltyCard(), request.coupons(), request.discount());
        PricedBasket basket = pricing.exempt(quoted, exemption);
        int minimumAge = pricing.minimumAge(basket);
        List<Sentence> approvalNeeded = new java.util.ArrayList<>(pricing.approvalNeeded(quoted));
        if (exemption != null) {
            approvalNeeded.add(new Sentence("approval.why.taxExempt",
                    Map.of("reason", new Sentences.Named("exempt.reason." + exemption.reason(), exemption.reason()))));
        }
        // in the request's language (the reason by its name); without Accept-Language English with the codes
        return QuoteView.of(basket, store.cashRoundingPolicy().round(basket.total()), sentences.say(approvalNeeded),
                minimumAge == 0 ? null : minimumAge);
    }

    @PostMapping
    ResponseEntity<SaleView> complete(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody SaleRequests.Sale request) {
        var till = training.getIfAvailable();
        if (till != null) { // one indexed read: is the user or the drawer's register in training? (ADR 0005)
            var drawer = drawers.drawer(request.drawerId());
            if (till.activeFor(CurrentUser.username(), drawer.registerId())) {
                CurrentUser.requireRegister(drawer.registerId());
                return trainingSales.sell(till, drawer, request, key, CurrentUser.username()).created();
            }
        }
        var result = completion.complete(request, key, CurrentUser.username());
        return result.created();
    }

    @PostMapping("/{receiptNumber}/void")
    ResponseEntity<SaleView> voidSale(@PathVariable @Size(max = 40) String receiptNumber,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody SaleRequests.Void request) {
        var till = training.getIfAvailable();
        String user = CurrentUser.username();
        if (receiptNumber.startsWith(io.storedesk.pos.sale.TrainingTill.PREFIX)) {
            // a training sale is voided in training only (the user's or its register's); outside it is unknown
            SaleView trainingSale = (till == null ? java.util.Optional.<SaleView>empty() : till.find(receiptNumber))
                    .filter(s -> till.activeFor(user, s.registerId()))
                    .orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
            return trainingSales.voidSale(till, trainingSale, request, key, user).ok();
        }
        if (till != null) {
            String register = sales.find(receiptNumber).map(SaleView::registerId).orElse(null);
            if (till.activeFor(user, register)) {
                throw ProblemException.rule("training-real-receipt", "Real receipt in training",
                        "In training only training receipts (%s...) can be voided; %s is a real one."
                                .formatted(io.storedesk.pos.sale.TrainingTill.PREFIX, receiptNumber))
                        .with("receiptNumber", receiptNumber);
            }
        }
        var result = postVoids.voidSale(receiptNumber, request, key, CurrentUser.username());
        return result.ok();
    }

    @GetMapping("/{receiptNumber}")
    SaleView one(@PathVariable @Size(max = 40) String receiptNumber) {
        if (receiptNumber.startsWith(io.storedesk.pos.sale.TrainingTill.PREFIX)) {
            var till = training.getIfAvailable();
            return (till == null ? java.util.Optional.<SaleView>empty() : till.find(receiptNumber))
                    .orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
        }
        return sales.find(receiptNumber).orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
    }

    @GetMapping
    List<SaleViews.Summary> search(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = 13) String total,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        LocalDate today = store.today(clock);
        LocalDate start = from != null ? from : (to != null ? to : today);
        LocalDate end = to != null ? to : (from != null ? from.plusYears(10) : today);
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("invalid-range", "Invalid date range", "'to' is before 'from'.");
        }
        Money amount = total == null ? null : Amounts.parse(total, store.currency(), "total");
        return sales.search(start, end, amount, limit);
    }

    record QuoteView(List<SaleView.Line> lines, String subtotal, String discountTotal, String taxTotal, String total,
            String cashTotal, List<SaleView.Tax> taxes, List<SaleView.Promotion> promotions, String currency,
            List<SaleView.Discount> discounts, List<String> approvalNeeded, Integer ageCheckRequired) {

        /** {@code ageCheckRequired}: the minimum age the till must check before the sale; null = no check. */
        static QuoteView of(PricedBasket b, Money cashTotal, List<String> approvalNeeded, Integer ageCheckRequired) {
            return new QuoteView(b.lines().stream().map(l -> new SaleView.Line(l.lineNo(), l.sku(), l.name(),
                            l.department(), l.quantity(), l.unitPrice().toString(), l.discount().toString(),
                            l.net().toString(), l.tax().toString(), l.taxRate().stripTrailingZeros().toPlainString(),
                            l.taxLetter(), 0, null, l.giftCard() == null ? null : new SaleView.GiftCard(
                                    io.storedesk.pos.common.GiftCardNumbers.mask(l.giftCard().number()),
                                    l.giftCard().kind(), null, null))).toList(),
                    b.subtotal().toString(), b.discountTotal().toString(), b.taxTotal().toString(),
                    b.total().toString(), cashTotal.toString(),
                    b.taxes().stream().map(t -> new SaleView.Tax(t.rate().toPlainString(), t.letter(),
                            t.net().toString(), t.tax().toString(), t.gross().toString())).toList(),
                    b.promotions().stream().map(p -> new SaleView.Promotion(p.code(), p.description(),
                            p.amount().toString())).toList(), b.total().currency().getCurrencyCode(),
                    b.manualDiscounts().stream().map(m -> new SaleView.Discount(m.kind().name(), m.lineNo(), m.reason(),
                            m.percent() == null ? null : m.percent().stripTrailingZeros().toPlainString(),
                            m.amount().toString(), m.wasPrice() == null ? null : m.wasPrice().toString(), null))
                            .toList(), approvalNeeded, ageCheckRequired);
        }
    }
}
