package io.storedesk.pos.drawer;

/** Why cash went into (positive) or out of (negative) a drawer. */
public enum PostingType {
    SALE, REFUND, PAID_IN, PAID_OUT, SAFE_DROP, PICKUP
}
