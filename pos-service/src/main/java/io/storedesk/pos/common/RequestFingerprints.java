package io.storedesk.pos.common;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fingerprints of requests, to tell a repeat from another request under one Idempotency-Key:
 * {@code h1:} + hex HMAC-SHA256, keyed with this installation's secret ({@link FingerprintSecret},
 * a file outside the database), over the request's JSON without its card data (every component
 * marked {@link CardData} is left out). Nothing stored can be turned back into a card number:
 * the card is not in the input, and without the secret the rest cannot be tried either.
 * <p>
 * Consequence: two requests that differ only in the card number or expiry have the same
 * fingerprint, so the same key replays the first result for both. That is the intended outcome
 * (a repeat must never charge again); a different card is a new sale and needs a new key.
 */
@Component
class RequestFingerprints {

    /** The format of fingerprints written now; stored values without it are from before keying. */
    static final String FORMAT = "h1:";

    private final SecretKeySpec key;
    private final JsonMapper json;

    RequestFingerprints(FingerprintSecret secret, JsonMapper json) {
        this.key = new SecretKeySpec(secret.bytes(), "HmacSHA256");
        this.json = json.rebuild()
                .annotationIntrospector(new WithoutCardData())
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    String of(Object request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return FORMAT + HexFormat.of().formatHex(mac.doFinal(json.writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON a fingerprint is taken over (for tests and for reading this code): no card data. */
    String canonicalJson(Object request) {
        return json.writeValueAsString(request);
    }

    private static final class WithoutCardData extends JacksonAnnotationIntrospector {

        @Override
        public boolean hasIgnoreMarker(tools.jackson.databind.cfg.MapperConfig<?> config, AnnotatedMember m) {
            return m.hasAnnotation(CardData.class) || super.hasIgnoreMarker(config, m);
        }
    }
}
