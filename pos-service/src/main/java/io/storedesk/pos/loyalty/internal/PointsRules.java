package io.storedesk.pos.loyalty.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.storedesk.pos.loyalty.LoyaltyProperties;
import io.storedesk.pos.sale.SaleView;

/** The arithmetic of the programme: what a sale earns and what a return takes back. No state. */
final class PointsRules {

    private final LoyaltyProperties programme;

    PointsRules(LoyaltyProperties programme) {
        this.programme = programme;
    }

    /** Net of the lines that earn points (outside excluded departments, no gift card sold), tax included. */
    BigDecimal eligibleNet(List<SaleView.Line> lines) {
        return lines.stream().filter(l -> l.giftCard() == null && programme.earnsPoints(l.department())).map(SaleView.Line::netAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * floor(eligible net x share paid in money x points per unit x tier multiplier). The share paid in
     * money is (total - paid by points) / total: points do not earn points.
     */
    long earned(BigDecimal eligibleNet, BigDecimal total, BigDecimal paidByPoints, String tier) {
        if (total.signum() <= 0 || eligibleNet.signum() <= 0) {
            return 0;
        }
        BigDecimal paidInMoney = total.subtract(paidByPoints).max(BigDecimal.ZERO);
        return eligibleNet.multiply(paidInMoney).multiply(programme.pointsPerUnit())
                .multiply(programme.multiplier(tier))
                .divide(total, 0, RoundingMode.FLOOR).longValueExact();
    }

    /**
     * Points a return takes back: the earned points in proportion to the eligible net refunded by
     * all returns of the sale so far (rounded half up), less what earlier returns took, never more
     * than is left of the earned points.
     */
    static long reversal(long earned, BigDecimal earnedNet, long reversedBefore, BigDecimal refundedNetBefore,
            BigDecimal refundedNetNow) {
        if (earned <= 0 || earnedNet.signum() <= 0) {
            return 0;
        }
        long target = BigDecimal.valueOf(earned).multiply(refundedNetBefore.add(refundedNetNow))
                .divide(earnedNet, 0, RoundingMode.HALF_UP).longValueExact();
        long left = earned - reversedBefore;
        return Math.max(0, Math.min(left, target - reversedBefore));
    }
}
