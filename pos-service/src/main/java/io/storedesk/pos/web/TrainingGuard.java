package io.storedesk.pos.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.training.TrainingSubjects;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Training mode's second fence (ADR 0005): a user in training, or a request with the token of a register
 * in training, may change nothing but what the training till serves (sales, quotes, post-voids, returns, exchanges,
 * parked baskets, special orders, paid-ins, paid-outs and no-sales, receipt and return slip prints, service cases and
 * complaints with their confirmation prints) and sign-in;
 * every other changing API request is 422 {@code training-not-available} before its controller runs, with
 * {@code refused} and a sentence saying why for customers, stock, gift cards, store credit and receipt e-mails (opening and
 * closing the drawer stays possible, so the day can be closed). The sale, void, returns, special-order and drawer
 * cash, case and complaint endpoints decide themselves, by the drawer's or the sale's register (a real receipt is 422
 * {@code training-real-receipt}, a real special order or a safe drop 422 {@code training-not-available} there), and
 * so are not looked at here.
 */
@Component
class TrainingGuard implements HandlerInterceptor, WebMvcConfigurer {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<Pattern> TRAINING_TILL = List.of(
            Pattern.compile("/api/v1/sales"), Pattern.compile("/api/v1/sales/quote"),
            Pattern.compile("/api/v1/returns"), Pattern.compile("/api/v1/exchanges"),
            Pattern.compile("/api/v1/baskets"), Pattern.compile("/api/v1/baskets/[^/]+/(resume|discard)"),
            Pattern.compile("/api/v1/sales/[^/]+/print"), Pattern.compile("/api/v1/sales/[^/]+/void"),
            Pattern.compile("/api/v1/sales/[^/]+/invoice"),
            Pattern.compile("/api/v1/drawers/[^/]+/(movements|no-sale)"),
            Pattern.compile("/api/v1/returns/[^/]+/print"),
            Pattern.compile("/api/v1/special-orders"), Pattern.compile("/api/v1/special-orders/[^/]+/(arrived|pickup|cancel)"),
            Pattern.compile("/api/v1/cases"), Pattern.compile("/api/v1/cases/[^/]+/(notes|escalate|follow-up|resolve|close)"),
            Pattern.compile("/api/v1/complaints"), Pattern.compile("/api/v1/complaints/[^/]+/(settle|print)"),
            Pattern.compile("/api/v1/auth/.*"), Pattern.compile("/api/v1/training/.*"));

    /**
     * What training refuses and why (ADR 0005, "What training does not do, and why"): the problem's {@code refused}
     * names it, and {@code problem.training-not-available.detail.<refused>} says why in the caller's language.
     */
    private static final Map<Pattern, String[]> REFUSED = new LinkedHashMap<>();

    static {
        REFUSED.put(Pattern.compile("/api/v1/customers(/.*)?"), new String[] {"customer",
                "Customers are real master data (their details, consents and erasure); they are not created or changed in training."});
        REFUSED.put(Pattern.compile("/api/v1/stock(/.*)?"), new String[] {"stock",
                "Stock receipts, adjustments and counts change the real stock on hand; they are not done in training."});
        REFUSED.put(Pattern.compile("/api/v1/gift-cards(/.*)?"), new String[] {"gift-card",
                "Gift cards are real liabilities kept by head office; they are not sold, loaded or changed in training."});
        REFUSED.put(Pattern.compile("/api/v1/store-credits(/.*)?"), new String[] {"store-credit",
                "Store credit is a real liability of the store; it is not issued or changed in training."});
        REFUSED.put(Pattern.compile("/api/v1/sales/[^/]+/email"), new String[] {"receipt-email",
                "An e-mail would reach a real customer's mailbox; training receipts are printed or shown as PDF only."});
    }

    private final TrainingSubjects training;

    TrainingGuard(TrainingSubjects training) {
        this.training = training;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (READS.contains(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (TRAINING_TILL.stream().anyMatch(p -> p.matcher(path).matches())) {
            return true;
        }
        if (training.activeFor(CurrentUser.username(), CurrentUser.tokenRegister())) {
            for (Map.Entry<Pattern, String[]> refused : REFUSED.entrySet()) {
                if (refused.getKey().matcher(path).matches()) {
                    throw refusal(refused.getValue()[0], refused.getValue()[1]);
                }
            }
            throw ProblemException.rule("training-not-available", "Not available in training",
                    "A user or register in training can sell, take back and print training documents only; this changes the books.");
        }
        return true;
    }

    /** 422 {@code training-not-available} naming what was refused ({@code refused}) and why. */
    static ProblemException refusal(String refused, String why) {
        return ProblemException.rule("training-not-available", "Not available in training", why)
                .with("refused", refused);
    }
}
