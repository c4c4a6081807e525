package io.storedesk.pos.sale;

/**
 * Loyalty points for a sale, implemented by the module that keeps the points (optional bean).
 * Called once per sale inside the sale's own database transaction, after its tenders were taken
 * and before it is stored: the points and the sale commit together or not at all.
 */
public interface PointsAward {

    /**
     * Awards the points a sale earns to its {@link SaleView#loyaltyCard()} and returns them (0 when
     * the sale has no card or earns nothing).
     *
     * @throws io.storedesk.pos.common.ProblemException 422 when the sale names an unknown card
     */
    int award(SaleView sale);
}
