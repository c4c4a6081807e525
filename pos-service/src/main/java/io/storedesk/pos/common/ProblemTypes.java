package io.storedesk.pos.common;

import java.net.URI;

/** Where problem type slugs live as URIs; stable, so clients may switch on them. */
public final class ProblemTypes {

    public static final String BASE = "https://storedesk.io/problems/";

    private ProblemTypes() {
    }

    public static URI uri(String slug) {
        return URI.create(BASE + slug);
    }
}
